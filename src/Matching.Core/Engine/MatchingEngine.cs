namespace Matching.Core.Engine;

/// <summary>How the engine narrows and cuts its rankings.</summary>
public sealed record EngineOptions
{
    /// <summary>Length of each ranked list.</summary>
    public int Top { get; init; } = 50;
    /// <summary>Share of the indexed items scored per query, after candidate generation.</summary>
    public double PoolShare { get; init; } = 0.02;
    /// <summary>Fewest items scored per query (small collections are then scored nearly whole).</summary>
    public int MinimumPool { get; init; } = 300;
    /// <summary>Keys held by more than this share of items are not used to narrow (see <see cref="ConceptIndex"/>).</summary>
    public double MaxPostingShare { get; init; } = 0.25;
    /// <summary>Score every pair (brute force): for measuring what candidate generation loses, never in production.</summary>
    public bool Exhaustive { get; init; }
    /// <summary>Queries scored together in one call to the scorer (batch <c>Transform</c> is much faster than row by row).</summary>
    public int QueriesPerBatch { get; init; } = 32;
    public int MaxDegreeOfParallelism { get; init; } = 1;
}

/// <summary>Candidates indexed once for a run; vacancies are then scored against it in chunks.</summary>
public sealed class CandidatePool
{
    internal CandidatePool(TitleVocabulary vocabulary, PreparedCandidate[] items, ConceptIndex index) { Vocabulary = vocabulary; Items = items; Index = index; }
    public TitleVocabulary Vocabulary { get; }
    public IReadOnlyList<PreparedCandidate> Items { get; }
    public ConceptIndex Index { get; }
}

/// <summary>Vacancies indexed once, for ranking opportunities per candidate.</summary>
public sealed class VacancyPool
{
    internal VacancyPool(TitleVocabulary vocabulary, PreparedVacancy[] items, ConceptIndex index) { Vocabulary = vocabulary; Items = items; Index = index; }
    public TitleVocabulary Vocabulary { get; }
    public IReadOnlyList<PreparedVacancy> Items { get; }
    public ConceptIndex Index { get; }
}

/// <summary>One scored pair with its feature vector (kept for the explanation).</summary>
public sealed record RankedMatch(string CandidateId, string VacancyId, float Score, float[] Features);

/// <summary>The ranked list for one query (a vacancy's shortlist or a candidate's opportunities), best first.</summary>
public sealed record RankedList(string QueryId, IReadOnlyList<RankedMatch> Matches);

/// <summary>The outcome of scoring a chunk: ranked lists, pairs excluded by hard filters, and how many pairs were scored.</summary>
public sealed record RankingResult(IReadOnlyList<RankedList> Lists, IReadOnlyList<PairExclusion> Exclusions, long PairsScored, long PairsPossible);

/// <summary>
/// The matching engine: candidate generation through <see cref="ConceptIndex"/>, hard filters, pair features and a
/// scorer. Pure (no database, no clock: the reference date is a parameter) and thread-safe: one instance and one
/// pool can serve several chunks in parallel, which is how the nightly pipeline calls it.
/// </summary>
public sealed class MatchingEngine(TaxonomyGraph graph, IPairScorer scorer, EngineOptions? options = null)
{
    public TaxonomyGraph Graph { get; } = graph;
    public IPairScorer Scorer { get; } = scorer;
    public EngineOptions Options { get; } = options ?? new EngineOptions();

    public CandidatePool IndexCandidates(IReadOnlyList<CandidateProfile> candidates)
    {
        var vocabulary = new TitleVocabulary(candidates.Select(c => PreparedCandidate.CandidateTitles(Graph, c)));
        var prepared = new PreparedCandidate[candidates.Count];
        System.Threading.Tasks.Parallel.For(0, prepared.Length, ParallelOptions(), i => prepared[i] = PreparedCandidate.Create(Graph, candidates[i], vocabulary));
        var places = PlaceIds(prepared.Select(p => p.PlaceKey));
        var keys = prepared.Select(p => ConceptKeys.ForCandidate(Graph, p, k => k is null ? -1 : places.GetValueOrDefault(k, -1)).Select(k => k.Key).ToArray()).ToArray();
        return new CandidatePool(vocabulary, prepared, ConceptIndex.Build(keys, places));
    }

    public VacancyPool IndexVacancies(IReadOnlyList<VacancyProfile> vacancies)
    {
        var vocabulary = new TitleVocabulary(vacancies.Select(v => PreparedVacancy.VacancyTitles(Graph, v)));
        var prepared = vacancies.Select(v => PreparedVacancy.Create(Graph, v, vocabulary)).ToArray();
        var places = PlaceIds(prepared.Select(p => p.PlaceKey));
        var keys = prepared.Select(p => ConceptKeys.ForVacancy(Graph, p, k => k is null ? -1 : places.GetValueOrDefault(k, -1)).Select(k => k.Key).ToArray()).ToArray();
        return new VacancyPool(vocabulary, prepared, ConceptIndex.Build(keys, places));
    }

    /// <summary>Ranks the pool's candidates for each vacancy of <paramref name="vacancies"/> (one chunk of the nightly run).</summary>
    public RankingResult ShortlistCandidates(CandidatePool pool, IReadOnlyList<VacancyProfile> vacancies, DateOnly referenceDate)
    {
        var queries = vacancies.Select(v => PreparedVacancy.Create(Graph, v, pool.Vocabulary)).ToArray();
        return Rank(queries.Length, pool.Index, pool.Items.Count,
            q => ConceptKeys.ForVacancy(Graph, queries[q], pool.Index.PlaceId),
            (q, item) => HardFilters.Check(pool.Items[item].Profile, queries[q].Profile, referenceDate) is { } r
                ? HardFilters.Explain(pool.Items[item].Profile, queries[q].Profile, r, referenceDate) : null,
            (q, item, f) => PairFeatures.Compute(Graph, pool.Items[item], queries[q], referenceDate, f),
            q => queries[q].Profile.Id,
            (q, item, score, f) => new RankedMatch(pool.Items[item].Profile.Id, queries[q].Profile.Id, score, f));
    }

    /// <summary>Ranks the pool's vacancies for each candidate of <paramref name="candidates"/>.</summary>
    public RankingResult RankOpportunities(VacancyPool pool, IReadOnlyList<CandidateProfile> candidates, DateOnly referenceDate)
    {
        var queries = candidates.Select(c => PreparedCandidate.Create(Graph, c, pool.Vocabulary)).ToArray();
        return Rank(queries.Length, pool.Index, pool.Items.Count,
            q => ConceptKeys.ForCandidate(Graph, queries[q], pool.Index.PlaceId),
            (q, item) => HardFilters.Check(queries[q].Profile, pool.Items[item].Profile, referenceDate) is { } r
                ? HardFilters.Explain(queries[q].Profile, pool.Items[item].Profile, r, referenceDate) : null,
            (q, item, f) => PairFeatures.Compute(Graph, queries[q], pool.Items[item], referenceDate, f),
            q => queries[q].Profile.Id,
            (q, item, score, f) => new RankedMatch(queries[q].Profile.Id, pool.Items[item].Profile.Id, score, f));
    }

    /// <summary>The items candidate generation keeps for one query's keys (exposed to measure recall).</summary>
    public int[] GeneratePool(ConceptIndex index, IEnumerable<(long Key, float Weight)> queryKeys)
    {
        var accumulator = new float[index.Count];
        var touched = new List<int>();
        return Generate(index, queryKeys, accumulator, touched);
    }

    /// <summary>Pool of a vacancy in a candidate pool (for measuring what generation loses).</summary>
    public int[] GeneratePool(CandidatePool pool, VacancyProfile vacancy) =>
        GeneratePool(pool.Index, ConceptKeys.ForVacancy(Graph, PreparedVacancy.Create(Graph, vacancy, pool.Vocabulary), pool.Index.PlaceId));

    private int[] Generate(ConceptIndex index, IEnumerable<(long Key, float Weight)> queryKeys, float[] accumulator, List<int> touched)
    {
        if (Options.Exhaustive) return Enumerable.Range(0, index.Count).ToArray();
        touched.Clear();
        index.Accumulate(ConceptKeys.WithNeighbourCells(queryKeys), accumulator, touched, Options.MaxPostingShare);
        var poolSize = Math.Max(Options.MinimumPool, (int)Math.Ceiling(Options.PoolShare * index.Count));
        int[] result;
        if (touched.Count <= poolSize) result = touched.ToArray();
        else
        {
            var scores = new float[touched.Count];
            for (var i = 0; i < scores.Length; i++) scores[i] = accumulator[touched[i]];
            var threshold = KthLargest(scores, poolSize);
            var kept = new List<int>(poolSize);
            foreach (var item in touched) if (accumulator[item] > threshold) kept.Add(item);
            foreach (var item in touched) if (kept.Count < poolSize && accumulator[item] == threshold) kept.Add(item);
            result = kept.ToArray();
        }
        foreach (var item in touched) accumulator[item] = 0;
        return result;
    }

    private RankingResult Rank(int queryCount, ConceptIndex index, int itemCount,
        Func<int, IEnumerable<(long Key, float Weight)>> keysOf, Func<int, int, PairExclusion?> exclude,
        FeatureFiller fill, Func<int, string> queryId, Func<int, int, float, float[], RankedMatch> result)
    {
        var lists = new RankedList[queryCount];
        var exclusions = new List<PairExclusion>();
        long scored = 0;
        var batches = (queryCount + Options.QueriesPerBatch - 1) / Options.QueriesPerBatch;
        System.Threading.Tasks.Parallel.For(0, batches, ParallelOptions(),
            () => new Worker(itemCount),
            (batch, _, w) =>
            {
                int first = batch * Options.QueriesPerBatch, last = Math.Min(queryCount, first + Options.QueriesPerBatch);
                w.Rows.Clear(); w.Features.Clear(); w.Bounds.Clear();
                for (var q = first; q < last; q++)
                {
                    foreach (var item in Generate(index, keysOf(q), w.Accumulator, w.Touched))
                    {
                        if (exclude(q, item) is { } why) { w.Exclusions.Add(why); continue; }
                        var start = w.Features.Count;
                        CollectionsMarshalGrow(w.Features, PairFeatures.Count);
                        fill(q, item, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(w.Features).Slice(start, PairFeatures.Count));
                        w.Rows.Add(item);
                    }
                    w.Bounds.Add(w.Rows.Count);
                }
                var scores = new float[w.Rows.Count];
                if (scores.Length > 0) Scorer.Score(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(w.Features), scores.Length, scores);
                w.Scored += scores.Length;
                var from = 0;
                for (var q = first; q < last; q++)
                {
                    var to = w.Bounds[q - first];
                    var order = Enumerable.Range(from, to - from).OrderByDescending(r => scores[r]).ThenBy(r => w.Rows[r]).Take(Options.Top);
                    lists[q] = new RankedList(queryId(q), order
                        .Select(r => result(q, w.Rows[r], scores[r], w.Features.GetRange(r * PairFeatures.Count, PairFeatures.Count).ToArray()))
                        .ToList());
                    from = to;
                }
                return w;
            },
            w => { lock (exclusions) { exclusions.AddRange(w.Exclusions); scored += w.Scored; } });
        return new RankingResult(lists, exclusions, scored, (long)queryCount * itemCount);
    }

    private delegate void FeatureFiller(int query, int item, Span<float> features);

    private sealed class Worker(int items)
    {
        public readonly float[] Accumulator = new float[items];
        public readonly List<int> Touched = [];
        public readonly List<int> Rows = [];
        public readonly List<float> Features = [];
        public readonly List<int> Bounds = [];
        public readonly List<PairExclusion> Exclusions = [];
        public long Scored;
    }

    private static void CollectionsMarshalGrow(List<float> list, int by)
    {
        var count = list.Count;
        if (list.Capacity < count + by) list.Capacity = Math.Max(count + by, list.Capacity * 2);
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(list, count + by);
    }

    private ParallelOptions ParallelOptions() => new() { MaxDegreeOfParallelism = Math.Max(1, Options.MaxDegreeOfParallelism) };

    private static Dictionary<string, int> PlaceIds(IEnumerable<string?> keys)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var k in keys) if (k is not null && !ids.ContainsKey(k)) ids[k] = ids.Count;
        return ids;
    }

    /// <summary>The k-th largest value (1-based) by quickselect; reorders <paramref name="values"/>.</summary>
    internal static float KthLargest(float[] values, int k)
    {
        int left = 0, right = values.Length - 1, target = k - 1;
        var random = new Random(17);
        while (left < right)
        {
            var pivot = values[random.Next(left, right + 1)];
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] > pivot) i++;
                while (values[j] < pivot) j--;
                if (i <= j) { (values[i], values[j]) = (values[j], values[i]); i++; j--; }
            }
            if (target <= j) right = j;
            else if (target >= i) left = i;
            else return values[target];
        }
        return values[target];
    }
}
