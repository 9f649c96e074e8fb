namespace Matching.Core.Engine;

/// <summary>How the engine narrows and cuts its rankings.</summary>
public sealed record EngineOptions
{
    /// <summary>Length of each ranked list.</summary>
    public int Top { get; init; } = 50;
    /// <summary>Share of the indexed items scored per query, after candidate generation.</summary>
    public double PoolShare { get; init; } = 0.02;
    /// <summary>
    /// Share of the indexed items the concept index proposes per query before the pre-ranking (a linear formula
    /// that mimics the scorer, on the pair features) keeps <see cref="PoolShare"/> of them for the scorer.
    /// </summary>
    public double ProposalShare { get; init; } = 0.04;
    /// <summary>Fewest items scored per query (small collections are then scored nearly whole).</summary>
    public int MinimumPool { get; init; } = 300;
    /// <summary>Keys held by more than this share of items are not used to narrow (see <see cref="ConceptIndex"/>).</summary>
    public double MaxPostingShare { get; init; } = 0.25;
    /// <summary>Score every pair (brute force): for measuring what candidate generation loses, never in production.</summary>
    public bool Exhaustive { get; init; }
    /// <summary>Queries scored together in one call to the scorer (batch <c>Transform</c> is much faster than row by row).</summary>
    public int QueriesPerBatch { get; init; } = 32;
    /// <summary>
    /// Exclusions explained per query (the first proposals a hard filter stopped); all are counted in
    /// <see cref="RankingResult.PairsExcluded"/>. Bounded so a large run does not hold millions of messages.
    /// </summary>
    public int MaxExplainedExclusionsPerQuery { get; init; } = 20;
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

/// <summary>
/// The outcome of scoring a chunk: ranked lists, pairs excluded by hard filters, how many pairs the scorer scored
/// and how many had their features computed for the pre-ranking (<see cref="PairsPreRanked"/> ≥ scored).
/// </summary>
public sealed record RankingResult(IReadOnlyList<RankedList> Lists, IReadOnlyList<PairExclusion> Exclusions, long PairsScored, long PairsPossible)
{
    public long PairsPreRanked { get; init; }
    /// <summary>Proposed pairs a hard filter excluded (explained or not).</summary>
    public long PairsExcluded { get; init; }
}

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

    // The cold-start formula pre-ranks exactly with its own weights; any other scorer gets a linear fit of its scores.
    private float[]? _preRankWeights = scorer is ColdStartScorer cold ? cold.FeatureWeights.Append(0f).ToArray() : null;
    private readonly Lock _preRankGate = new();

    public CandidatePool IndexCandidates(IReadOnlyList<CandidateProfile> candidates)
    {
        var vocabulary = new TitleVocabulary(candidates.Select(c => PreparedCandidate.CandidateTitles(Graph, c)));
        var prepared = new PreparedCandidate[candidates.Count];
        System.Threading.Tasks.Parallel.For(0, prepared.Length, ParallelOptions(), i => prepared[i] = PreparedCandidate.Create(Graph, candidates[i], vocabulary));
        var places = PlaceIds(prepared.SelectMany(p => ConceptKeys.PlaceNames(p.Profile.Location).Select(n => n.Name)));
        var keys = prepared.Select(p => ConceptKeys.ForCandidate(Graph, p, k => k is null ? -1 : places.GetValueOrDefault(k, -1)).Select(k => k.Key).ToArray()).ToArray();
        return new CandidatePool(vocabulary, prepared, ConceptIndex.Build(keys, places));
    }

    public VacancyPool IndexVacancies(IReadOnlyList<VacancyProfile> vacancies)
    {
        var vocabulary = new TitleVocabulary(vacancies.Select(v => PreparedVacancy.VacancyTitles(Graph, v)));
        var prepared = vacancies.Select(v => PreparedVacancy.Create(Graph, v, vocabulary)).ToArray();
        var places = PlaceIds(prepared.SelectMany(p => ConceptKeys.PlaceNames(p.Profile.Location).Select(n => n.Name)));
        var keys = prepared.Select(p => ConceptKeys.ForVacancy(Graph, p, k => k is null ? -1 : places.GetValueOrDefault(k, -1)).Select(k => k.Key).ToArray()).ToArray();
        return new VacancyPool(vocabulary, prepared, ConceptIndex.Build(keys, places));
    }

    /// <summary>Ranks the pool's candidates for each vacancy of <paramref name="vacancies"/> (one chunk of the nightly run).</summary>
    public RankingResult ShortlistCandidates(CandidatePool pool, IReadOnlyList<VacancyProfile> vacancies, DateOnly referenceDate)
    {
        var queries = vacancies.Select(v => PreparedVacancy.Create(Graph, v, pool.Vocabulary)).ToArray();
        return Rank(queries.Length, pool.Index, pool.Items.Count,
            q => ConceptKeys.ForVacancy(Graph, queries[q], pool.Index.PlaceId),
            (q, item) => HardFilters.Check(pool.Items[item].Profile, queries[q].Profile, referenceDate),
            (q, item, r) => HardFilters.Explain(pool.Items[item].Profile, queries[q].Profile, r, referenceDate),
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
            (q, item) => HardFilters.Check(queries[q].Profile, pool.Items[item].Profile, referenceDate),
            (q, item, r) => HardFilters.Explain(queries[q].Profile, pool.Items[item].Profile, r, referenceDate),
            (q, item, f) => PairFeatures.Compute(Graph, queries[q], pool.Items[item], referenceDate, f),
            q => queries[q].Profile.Id,
            (q, item, score, f) => new RankedMatch(queries[q].Profile.Id, pool.Items[item].Profile.Id, score, f));
    }

    /// <summary>The items the concept index proposes for one query's keys (exposed to measure recall).</summary>
    public int[] GeneratePool(ConceptIndex index, IEnumerable<(long Key, float Weight)> queryKeys)
    {
        var accumulator = new float[index.Count];
        var touched = new List<int>();
        return Generate(index, queryKeys, accumulator, touched, ProposalSize(index.Count), _ => true);
    }

    /// <summary>Proposals for a vacancy in a candidate pool (for measuring what generation loses).</summary>
    public int[] GeneratePool(CandidatePool pool, VacancyProfile vacancy) =>
        GeneratePool(pool.Index, ConceptKeys.ForVacancy(Graph, PreparedVacancy.Create(Graph, vacancy, pool.Vocabulary), pool.Index.PlaceId));

    private int PoolSize(int count) => Math.Max(Options.MinimumPool, (int)Math.Ceiling(Options.PoolShare * count));

    private int ProposalSize(int count) => Math.Max(PoolSize(count), (int)Math.Ceiling(Math.Max(Options.ProposalShare, Options.PoolShare) * count));

    /// <summary>
    /// The <paramref name="size"/> items with the most key weight in common with the query, among those
    /// <paramref name="eligible"/> accepts (hard filters apply before the cut, so excluded pairs take no room).
    /// </summary>
    private int[] Generate(ConceptIndex index, IEnumerable<(long Key, float Weight)> queryKeys, float[] accumulator, List<int> touched, int size, Predicate<int> eligible)
    {
        // A collection no bigger than the pool is scored whole: nothing to narrow, and items sharing no key still rank.
        if (Options.Exhaustive || index.Count <= PoolSize(index.Count)) return Enumerable.Range(0, index.Count).Where(i => eligible(i)).ToArray();
        touched.Clear();
        index.Accumulate(ConceptKeys.WithNeighbourCells(queryKeys), accumulator, touched, Options.MaxPostingShare);
        var write = 0;
        for (var i = 0; i < touched.Count; i++)
        {
            var item = touched[i];
            if (eligible(item)) touched[write++] = item;
            else accumulator[item] = 0;
        }
        touched.RemoveRange(write, touched.Count - write);
        int[] result;
        if (touched.Count <= size) result = touched.ToArray();
        else
        {
            var scores = new float[touched.Count];
            for (var i = 0; i < scores.Length; i++) scores[i] = accumulator[touched[i]];
            var threshold = KthLargest(scores, size);
            var kept = new List<int>(size);
            foreach (var item in touched) if (accumulator[item] > threshold) kept.Add(item);
            foreach (var item in touched) if (kept.Count < size && accumulator[item] == threshold) kept.Add(item);
            result = kept.ToArray();
        }
        foreach (var item in touched) accumulator[item] = 0;
        return result;
    }

    private RankingResult Rank(int queryCount, ConceptIndex index, int itemCount,
        Func<int, IEnumerable<(long Key, float Weight)>> keysOf, Func<int, int, ExclusionReason?> exclude,
        Func<int, int, ExclusionReason, PairExclusion> explain, FeatureFiller fill, Func<int, string> queryId, Func<int, int, float, float[], RankedMatch> result)
    {
        var lists = new RankedList[queryCount];
        var exclusions = new List<PairExclusion>();
        long scored = 0, preRanked = 0, excluded = 0;
        int poolSize = PoolSize(itemCount), proposals = ProposalSize(itemCount);
        const int F = PairFeatures.Count;
        if (proposals > poolSize && queryCount > 0) EnsurePreRankWeights(index, keysOf, exclude, fill, queryCount, proposals);
        var batches = (queryCount + Options.QueriesPerBatch - 1) / Options.QueriesPerBatch;
        System.Threading.Tasks.Parallel.For(0, batches, ParallelOptions(),
            () => new Worker(itemCount),
            (batch, _, w) =>
            {
                int first = batch * Options.QueriesPerBatch, last = Math.Min(queryCount, first + Options.QueriesPerBatch);
                w.Rows.Clear(); w.Features.Clear(); w.Bounds.Clear();
                for (var q = first; q < last; q++)
                {
                    // Features of every proposal, then the pre-ranking keeps the pool the scorer will see.
                    w.QueryRows.Clear(); w.QueryFeatures.Clear();
                    var explained = 0;
                    var query = q;
                    bool Eligible(int item)
                    {
                        if (exclude(query, item) is not { } why) return true;
                        w.Excluded++;
                        if (explained++ < Options.MaxExplainedExclusionsPerQuery) w.Exclusions.Add(explain(query, item, why));
                        return false;
                    }
                    foreach (var item in Generate(index, keysOf(q), w.Accumulator, w.Touched, proposals, Eligible))
                    {
                        var start = w.QueryFeatures.Count;
                        CollectionsMarshalGrow(w.QueryFeatures, F);
                        fill(q, item, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(w.QueryFeatures).Slice(start, F));
                        w.QueryRows.Add(item);
                    }
                    w.PreRanked += w.QueryRows.Count;
                    var features = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(w.QueryFeatures);
                    foreach (var r in PreRank(features, w.QueryRows.Count, poolSize))
                    {
                        var start = w.Features.Count;
                        CollectionsMarshalGrow(w.Features, F);
                        features.Slice(r * F, F).CopyTo(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(w.Features).Slice(start, F));
                        w.Rows.Add(w.QueryRows[r]);
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
                        .Select(r => result(q, w.Rows[r], scores[r], w.Features.GetRange(r * F, F).ToArray()))
                        .ToList());
                    from = to;
                }
                return w;
            },
            w => { lock (exclusions) { exclusions.AddRange(w.Exclusions); scored += w.Scored; preRanked += w.PreRanked; excluded += w.Excluded; } });
        return new RankingResult(lists, exclusions, scored, (long)queryCount * itemCount) { PairsPreRanked = preRanked, PairsExcluded = excluded };
    }

    /// <summary>The rows (indices) of the <paramref name="keep"/> best by the pre-ranking formula, all rows when there are no more.</summary>
    private IEnumerable<int> PreRank(ReadOnlySpan<float> features, int rows, int keep)
    {
        if (rows <= keep || _preRankWeights is not { } w) return Enumerable.Range(0, rows);
        const int F = PairFeatures.Count;
        var values = new float[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = features.Slice(r * F, F);
            var sum = w[F];
            for (var f = 0; f < F; f++) sum += w[f] * row[f];
            values[r] = sum;
        }
        var sorted = (float[])values.Clone();
        var threshold = KthLargest(sorted, keep);
        var kept = new List<int>(keep);
        for (var r = 0; r < rows; r++) if (values[r] > threshold) kept.Add(r);
        for (var r = 0; r < rows && kept.Count < keep; r++) if (values[r] == threshold) kept.Add(r);
        return kept;
    }

    /// <summary>
    /// Fits the pre-ranking formula to the scorer once: least squares of its scores on the features of the proposals
    /// of a few queries (a linear shadow of the trees, good enough to keep their top 50 in the pool).
    /// </summary>
    private void EnsurePreRankWeights(ConceptIndex index, Func<int, IEnumerable<(long Key, float Weight)>> keysOf,
        Func<int, int, ExclusionReason?> exclude, FeatureFiller fill, int queryCount, int proposals)
    {
        lock (_preRankGate)
        {
            if (_preRankWeights is not null) return;
            const int F = PairFeatures.Count;
            var accumulator = new float[index.Count];
            var touched = new List<int>();
            var sample = new List<float>();
            var step = Math.Max(1, queryCount / 24);
            for (var q = 0; q < queryCount && sample.Count < 60_000 * F; q += step)
            {
                var query = q;
                foreach (var item in Generate(index, keysOf(q), accumulator, touched, proposals, item => exclude(query, item) is null))
                {
                    var row = new float[F];
                    fill(q, item, row);
                    sample.AddRange(row);
                }
            }
            var rows = sample.Count / F;
            if (rows < 4 * F) { _preRankWeights = ColdStartScorer.DefaultWeights.Append(0f).ToArray(); return; }
            var x = sample.ToArray();
            var y = new float[rows];
            Scorer.Score(x, rows, y);
            _preRankWeights = LeastSquares.Fit(x, y, rows, F);
        }
    }

    private delegate void FeatureFiller(int query, int item, Span<float> features);

    private sealed class Worker(int items)
    {
        public readonly float[] Accumulator = new float[items];
        public readonly List<int> Touched = [];
        public readonly List<int> Rows = [];
        public readonly List<float> Features = [];
        public readonly List<int> Bounds = [];
        public readonly List<int> QueryRows = [];
        public readonly List<float> QueryFeatures = [];
        public readonly List<PairExclusion> Exclusions = [];
        public long Scored, PreRanked, Excluded;
    }

    private static void CollectionsMarshalGrow(List<float> list, int by)
    {
        var count = list.Count;
        if (list.Capacity < count + by) list.Capacity = Math.Max(count + by, list.Capacity * 2);
        System.Runtime.InteropServices.CollectionsMarshal.SetCount(list, count + by);
    }

    private ParallelOptions ParallelOptions() => new() { MaxDegreeOfParallelism = Math.Max(1, Options.MaxDegreeOfParallelism) };

    private static Dictionary<string, int> PlaceIds(IEnumerable<string> keys)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var k in keys) ids.TryAdd(k, ids.Count);
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

/// <summary>Ordinary least squares with an intercept, by the normal equations (a few features, many rows).</summary>
internal static class LeastSquares
{
    /// <summary>Weights for <paramref name="features"/> columns followed by the intercept; a tiny ridge keeps constant columns solvable.</summary>
    public static float[] Fit(ReadOnlySpan<float> x, ReadOnlySpan<float> y, int rows, int features)
    {
        var n = features + 1;
        var a = new double[n, n + 1];
        var row = new double[n];
        for (var r = 0; r < rows; r++)
        {
            for (var f = 0; f < features; f++) row[f] = x[r * features + f];
            row[features] = 1;
            for (var i = 0; i < n; i++)
            {
                for (var j = i; j < n; j++) a[i, j] += row[i] * row[j];
                a[i, n] += row[i] * y[r];
            }
        }
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < i; j++) a[i, j] = a[j, i];
            a[i, i] += 1e-6 * rows;
        }
        // Gaussian elimination with partial pivoting.
        for (var c = 0; c < n; c++)
        {
            var pivot = c;
            for (var r = c + 1; r < n; r++) if (Math.Abs(a[r, c]) > Math.Abs(a[pivot, c])) pivot = r;
            for (var k = 0; k <= n; k++) (a[c, k], a[pivot, k]) = (a[pivot, k], a[c, k]);
            for (var r = 0; r < n; r++)
            {
                if (r == c || a[c, c] == 0) continue;
                var factor = a[r, c] / a[c, c];
                for (var k = c; k <= n; k++) a[r, k] -= factor * a[c, k];
            }
        }
        var w = new float[n];
        for (var i = 0; i < n; i++) w[i] = a[i, i] == 0 ? 0 : (float)(a[i, n] / a[i, i]);
        return w;
    }
}
