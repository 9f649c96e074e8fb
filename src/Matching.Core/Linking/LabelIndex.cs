using System.Collections.Concurrent;

namespace Matching.Core.Linking;

/// <summary>One label of a concept to index: its text, language ("fr"/"en") and whether it is the preferred label.</summary>
internal readonly record struct ConceptLabel(string Text, string Lang, bool Preferred);

/// <summary>A concept with its labels, as given to <see cref="LabelIndex"/>.</summary>
/// <param name="Uri">ESCO concept URI.</param>
/// <param name="DisplayFr">French preferred label (English when missing), for display.</param>
/// <param name="DisplayEn">English preferred label, for display.</param>
/// <param name="Labels">Labels to index.</param>
/// <param name="CodeDepth">Depth of the ESCO occupation code below its ISCO unit group ("2654.1" → 1, "2654.1.7" → 2); 0 when unknown.</param>
/// <param name="IscoMajor">ISCO major group (first digit of the ISCO code), -1 when unknown.</param>
/// <param name="IscoUnit">ISCO unit group (four digits), -1 when unknown.</param>
/// <param name="Narrower">Number of ESCO occupations below this one (by code: "7126.8" is above "7126.8.1").</param>
/// <param name="Code">ESCO occupation code ("7126.8.1"), null when unknown; a concept whose code prefixes it is its broader one.</param>
internal sealed record IndexedConcept(string Uri, string DisplayFr, string DisplayEn, IReadOnlyList<ConceptLabel> Labels,
    int CodeDepth = 0, int IscoMajor = -1, int IscoUnit = -1, int Narrower = 0, string? Code = null);

/// <summary>How a label's score is put together; the defaults are the tuned values for job titles.</summary>
internal sealed record ScoreWeights
{
    /// <summary>Share of the query's (IDF-weighted) tokens found in the label.</summary>
    public float QueryCoverage { get; init; } = 0.55f;
    /// <summary>Share of the label's (IDF-weighted) tokens found in the query.</summary>
    public float LabelCoverage { get; init; } = 0.45f;
    /// <summary>Bonus when the first word (the head noun of a French title) matches the label's first word.</summary>
    public float HeadMatch { get; init; } = 0.06f;
    public float PreferredLabel { get; init; } = 0.05f;
    public float SameLanguage { get; init; } = 0.03f;
    /// <summary>Label-coverage weight once the query is long (a sentence rather than a title).</summary>
    public float SentenceLabelCoverage { get; init; } = 0.85f;
    public int SentenceTokens { get; init; } = 5;
    /// <summary>Weight of the character 3–5-gram cosine between the normalised query and the concept's best label.</summary>
    public float NgramCosine { get; init; } = 0.1f;
    /// <summary>
    /// Prior for broad concepts (those with narrower occupations below them): people mostly write the general title.
    /// Off by default: a flat bonus lowered the realistic development set (0.962 → 0.955 at 0.015); the re-ranker sees
    /// the same information as a feature instead.
    /// </summary>
    public float Generality { get; init; }
    /// <summary>
    /// Bonus (share of the maximum score) for a broad concept when at least two of its narrower concepts score within
    /// <see cref="GenericReach"/> of it: "technicien qualité" against "technicien qualité en aquaculture", "… en
    /// maroquinerie", … names the general occupation. Full from three such narrower concepts; 0 turns it off.
    /// </summary>
    public float GenericBonus { get; init; } = 0.04f;
    /// <summary>How far below the broad concept a narrower one may score and still count (share of the maximum score).</summary>
    public float GenericReach { get; init; } = 0.12f;
    /// <summary>Learn one-word substitutions from labels of one concept (agent ≈ opérateur) and use them as token expansions.</summary>
    public bool LearnedSynonyms { get; init; } = true;
    /// <summary>Read English words of French queries through word translations learned from the labels (<see cref="LabelTranslations"/>).</summary>
    public bool LearnedTranslations { get; init; } = true;
    /// <summary>
    /// Subtracted from a label headed by a management word ("responsable du service …", "directeur de …") when the query
    /// names no management role: "technicien helpdesk" is staff of the help desk, not its head.
    /// </summary>
    public float ManagerWithoutManagerQuery { get; init; } = 0.05f;
    /// <summary>
    /// Share of its score a concept keeps when no query word (exactly, or as a close form: typo, plural, activity noun)
    /// is in its best label; full from half the query's weight so matched. 1 turns it off (job titles, whose linker
    /// always proposes its best guess); the skill linker uses it so a phrase nothing real matched gets a low confidence.
    /// </summary>
    public float WordOverlapFloor { get; init; } = 1f;
    /// <summary>
    /// Similarity of an activity noun to its verb ("repassage" → "repasser", "chargement" → "charger"). Job titles keep
    /// it at the agent-noun level; ESCO names skills with verbs, so the skill linker counts the verb as the same word.
    /// </summary>
    public float ActivityVerb { get; init; } = 0.75f;
    /// <summary>
    /// Subtracted from a label that holds no form of the title's first word (its head noun) when the title has other
    /// words: "gouvernante générale" is a kind of gouvernante, so a label matching only the modifier ("général") is a
    /// weak guess. 0 turns it off.
    /// </summary>
    public float HeadMissing { get; init; } = 0.015f;
    /// <summary>Factor on the score of one part of a title naming several jobs (the whole title wins a tie).</summary>
    public float PartFactor { get; init; } = 0.95f;
    /// <summary>Factor on the score of a query rewritten by the job vocabulary (literal wording wins a tie).</summary>
    public float RewriteFactor { get; init; } = 0.97f;
    /// <summary>Factor on the score of a query whose words written by ear are read as the job-vocabulary words they sound like.</summary>
    public float RespelledFactor { get; init; } = 0.99f;
}

/// <summary>
/// Inverted index from normalised label tokens to labels, with typo- and prefix-tolerant token expansion and an
/// IDF-weighted two-sided coverage score. Immutable after construction and safe to query from many threads.
/// </summary>
internal sealed class LabelIndex
{
    private const byte FlagPreferred = 1, FlagFrench = 2, FlagManagerHead = 4;

    /// <summary>Normalised words naming a management role, as the first word of a title.</summary>
    internal static readonly HashSet<string> ManagerWords = new[]
    {
        "responsable", "directeur", "chef", "manager", "gerant", "superviseur", "dirigeant", "head", "director", "supervisor",
        "مدير", "مشرف", "رئيس",
    }.Select(TitleNormalizer.Stem).ToHashSet(StringComparer.Ordinal);
    private const int MaxExpansions = 24;

    private readonly Dictionary<string, int> _tokenIds = new(StringComparer.Ordinal);
    private readonly string[] _tokens;
    private readonly float[] _idf;
    private readonly string[] _sortedTokens;
    private readonly int[] _postingStart, _postings;           // token → labels
    private readonly int[] _labelConcept, _labelTokenStart, _labelTokens;
    private readonly float[] _labelIdfSum;
    private readonly int[] _conceptLabelCount;
    private readonly byte[] _labelFlags;
    private readonly Dictionary<long, int[]> _trigramTokens;  // trigram → vocabulary tokens (for typos)
    private readonly Dictionary<string, int[]> _phoneticTokens; // French sound key → vocabulary tokens (for spellings by ear)
    private readonly Dictionary<string, string[]> _phoneticPhraseTokens; // sound key → job-vocabulary phrase words with it
    private readonly ConcurrentDictionary<string, Expansion[]> _expansionCache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Expansion[]> _frenchExpansionCache = new(StringComparer.Ordinal); // only words with translations
    private readonly ThreadLocal<Scratch> _scratch;
    private readonly CharNgramIndex _ngrams;
    private readonly float[] _generality, _narrowerLog;
    private readonly Dictionary<string, (string Token, float Sim)[]> _synonyms;
    private readonly Dictionary<string, (string Token, float Sim)[]> _translations; // English word → French words
    private readonly JobVocabulary? _vocabulary;
    private readonly IReadOnlySet<string>? _queryFiller;
    private readonly HashSet<string> _headTokens = new(StringComparer.Ordinal); // first words of labels
    private readonly HashSet<string> _frenchHeadTokens = new(StringComparer.Ordinal); // first words of French labels
    private readonly int[] _broader;                           // concept → nearest broader concept by code, -1 when none

    public IReadOnlyList<IndexedConcept> Concepts { get; }
    public ScoreWeights Weights { get; }
    public int LabelCount => _labelConcept.Length;

    /// <summary>Whether <paramref name="token"/> (normalised) occurs in an indexed label.</summary>
    public bool Knows(string token) => _tokenIds.ContainsKey(token);

    /// <param name="concepts">The concepts and their labels.</param>
    /// <param name="weights">Score weights (null: the defaults, tuned for job titles).</param>
    /// <param name="vocabulary">Everyday phrases rewritten to ESCO's wording (French queries only).</param>
    /// <param name="queryFiller">Normalised words dropped from queries while another word remains ("je", "sais", "expérience").</param>
    public LabelIndex(IReadOnlyList<IndexedConcept> concepts, ScoreWeights? weights = null, JobVocabulary? vocabulary = null,
        IReadOnlySet<string>? queryFiller = null)
    {
        _vocabulary = vocabulary;
        _queryFiller = queryFiller;
        Concepts = concepts;
        Weights = weights ?? new ScoreWeights();
        var tokens = new List<string>();
        var labelConcept = new List<int>();
        var labelTokenStart = new List<int> { 0 };
        var labelTokens = new List<int>();
        var labelFlags = new List<byte>();
        var conceptFrequency = new List<int>();
        var lastConceptOfToken = new List<int>();
        var buffer = new List<string>(16);
        var ngramLabels = new List<(int, string)>();
        var seenInConcept = new HashSet<string>(StringComparer.Ordinal);
        // Each label is tokenised once, here; the synonym learner reuses the tokens (tokenising is most of the build time).
        var tokenisedLabels = new List<IReadOnlyList<(string Lang, List<string> Tokens)>>(concepts.Count);

        for (var c = 0; c < concepts.Count; c++)
        {
            seenInConcept.Clear();
            var tokenisedOfConcept = new List<(string Lang, List<string> Tokens)>(concepts[c].Labels.Count);
            tokenisedLabels.Add(tokenisedOfConcept);
            foreach (var label in concepts[c].Labels)
            {
                buffer = new List<string>(8);
                TitleNormalizer.AppendTokens(label.Text, buffer);
                tokenisedOfConcept.Add((label.Lang, buffer));
                if (buffer.Count == 0) continue;
                // The same normalised label twice for one concept (e.g. "aide-soignant" and "aide-soignante") is indexed once.
                var key = string.Join(' ', buffer) + "|" + label.Lang;
                if (!seenInConcept.Add(key)) continue;
                ngramLabels.Add((c, Padded(buffer)));
                _headTokens.Add(buffer[0]);
                if (label.Lang == "fr") _frenchHeadTokens.Add(buffer[0]);
                foreach (var t in buffer)
                {
                    if (!_tokenIds.TryGetValue(t, out var id))
                    {
                        id = tokens.Count;
                        _tokenIds[t] = id;
                        tokens.Add(t);
                        conceptFrequency.Add(0);
                        lastConceptOfToken.Add(-1);
                    }
                    if (lastConceptOfToken[id] != c) { lastConceptOfToken[id] = c; conceptFrequency[id]++; }
                    labelTokens.Add(id);
                }
                labelConcept.Add(c);
                labelTokenStart.Add(labelTokens.Count);
                labelFlags.Add((byte)((label.Preferred ? FlagPreferred : 0) | (label.Lang == "fr" ? FlagFrench : 0)
                    | (ManagerWords.Contains(buffer[0]) ? FlagManagerHead : 0)));
            }
        }

        _tokens = [.. tokens];
        _idf = new float[_tokens.Length];
        for (var t = 0; t < _idf.Length; t++)
            _idf[t] = (float)Math.Log(1.0 + (double)concepts.Count / conceptFrequency[t]);
        _labelConcept = [.. labelConcept];
        _labelTokenStart = [.. labelTokenStart];
        _labelTokens = [.. labelTokens];
        _labelFlags = [.. labelFlags];
        _conceptLabelCount = new int[concepts.Count];
        foreach (var c in _labelConcept) _conceptLabelCount[c]++;
        _labelIdfSum = new float[_labelConcept.Length];
        for (var l = 0; l < _labelConcept.Length; l++)
            for (var k = _labelTokenStart[l]; k < _labelTokenStart[l + 1]; k++) _labelIdfSum[l] += _idf[_labelTokens[k]];

        // Postings in CSR form.
        var counts = new int[_tokens.Length + 1];
        foreach (var t in _labelTokens) counts[t + 1]++;
        for (var t = 0; t < _tokens.Length; t++) counts[t + 1] += counts[t];
        _postingStart = counts;
        _postings = new int[_labelTokens.Length];
        var fill = (int[])counts.Clone();
        for (var l = 0; l < _labelConcept.Length; l++)
            for (var k = _labelTokenStart[l]; k < _labelTokenStart[l + 1]; k++) _postings[fill[_labelTokens[k]]++] = l;

        _sortedTokens = [.. _tokens];
        Array.Sort(_sortedTokens, StringComparer.Ordinal);

        var trigrams = new Dictionary<long, List<int>>();
        for (var t = 0; t < _tokens.Length; t++)
        {
            if (_tokens[t].Length < 3) continue;
            foreach (var g in Trigrams(_tokens[t]))
            {
                if (!trigrams.TryGetValue(g, out var list)) trigrams[g] = list = [];
                if (list.Count == 0 || list[^1] != t) list.Add(t);
            }
        }
        _trigramTokens = trigrams.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        _phoneticTokens = PhoneticKeys(_tokens);
        _phoneticPhraseTokens = PhoneticPhraseTokens(vocabulary);
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(_labelConcept.Length, concepts.Count));
        _ngrams = new CharNgramIndex(ngramLabels, concepts.Count, skipCommonGrams: true);
        _narrowerLog = concepts.Select(c => MathF.Log2(1 + c.Narrower)).ToArray();
        _broader = BroaderConcepts(concepts);
        _generality = _narrowerLog.Select(n => Math.Min(1f, n / 4f)).ToArray();
        _synonyms = Weights.LearnedSynonyms ? LabelSynonyms.Learn(tokenisedLabels) : [];
        _translations = Weights.LearnedTranslations
            ? LabelTranslations.Learn(tokenisedLabels.Select((labels, c) => (IReadOnlyList<(string, bool, List<string>)>)
                labels.Select((l, k) => (l.Lang, concepts[c].Labels[k].Preferred, l.Tokens)).ToList()).ToList())
            : [];
    }

    private static Dictionary<string, int[]> PhoneticKeys(string[] tokens)
    {
        var byKey = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var t = 0; t < tokens.Length; t++)
        {
            if (FrenchPhoneticKey.Of(tokens[t]) is not { } key) continue;
            Add(key, t);
            // A label token lost its cedilla: "macon" is also keyed as "maçon" (heard, and written by ear, "masson").
            if (FrenchPhoneticKey.Of(tokens[t], cedilla: true) is { } soft && soft != key) Add(soft, t);
        }
        return byKey.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

        void Add(string key, int token)
        {
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
            list.Add(token);
        }
    }

    /// <summary>Sound key → the job-vocabulary phrase words with that key.</summary>
    private static Dictionary<string, string[]> PhoneticPhraseTokens(JobVocabulary? vocabulary)
    {
        if (vocabulary is null) return [];
        return vocabulary.Rules.SelectMany(r => r.Source).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(word => (Word: word, Key: FrenchPhoneticKey.Of(word)))
            .Where(p => p.Key is not null)
            .GroupBy(p => p.Key!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => p.Word).ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// The phrase word sounding like <paramref name="token"/>; of several ("technicien", "technician"), the one fewest edits
    /// away, none on a tie.
    /// </summary>
    private string? SoundAlikePhraseWord(string token)
    {
        if (FrenchPhoneticKey.Of(token) is not { } key || !_phoneticPhraseTokens.TryGetValue(key, out var words)) return null;
        if (words.Length == 1) return words[0];
        string? best = null;
        int bestDistance = int.MaxValue, ties = 0;
        foreach (var word in words)
        {
            var d = EditDistance.Bounded(token, word, token.Length);
            if (d < bestDistance) { best = word; bestDistance = d; ties = 0; }
            else if (d == bestDistance) ties++;
        }
        return ties == 0 ? best : null;
    }

    /// <summary>
    /// <paramref name="tokens"/> with each word neither indexed nor in a job-vocabulary phrase replaced by the phrase word
    /// that sounds the same ("téléconseillé" → "téléconseiller", "kariste" → "cariste"); null when no word is replaced.
    /// </summary>
    private List<string>? Respelled(List<string> tokens)
    {
        if (_phoneticPhraseTokens.Count == 0) return null;
        List<string>? respelled = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (_tokenIds.ContainsKey(t) || SoundAlikePhraseWord(t) is not { } word || word == t) continue;
            respelled ??= [.. tokens];
            respelled[i] = word;
        }
        return respelled;
    }

    /// <summary>The job vocabulary's rewrites of <paramref name="tokens"/> read as <see cref="Respelled"/>; null without a vocabulary.</summary>
    private List<List<string>>? VocabularyRewrites(List<string> tokens) => _vocabulary?.Rewrites(Respelled(tokens) ?? tokens);

    private static int[] BroaderConcepts(IReadOnlyList<IndexedConcept> concepts)
    {
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < concepts.Count; c++)
            if (concepts[c].Code is { } code) byCode.TryAdd(code, c);
        var broader = new int[concepts.Count];
        for (var c = 0; c < concepts.Count; c++)
        {
            broader[c] = -1;
            if (concepts[c].Code is not { } code) continue;
            for (var cut = code.LastIndexOf('.'); cut > 0 && broader[c] < 0; cut = code.LastIndexOf('.', cut - 1))
                if (byCode.TryGetValue(code[..cut], out var b)) broader[c] = b;
        }
        return broader;
    }

    /// <summary>
    /// Raises a broad concept the query matches when several of its narrower concepts match nearly as well (see
    /// <see cref="ScoreWeights.GenericBonus"/>): the query then names what they have in common, the general title.
    /// </summary>
    private void RaiseBroadConcepts(Scratch s, float maxScore)
    {
        var w = Weights;
        if (w.GenericBonus <= 0) return;
        var touched = s.TouchedConcepts.Count;
        var best = 0f;
        for (var i = 0; i < touched; i++) best = Math.Max(best, s.ConceptScore[s.TouchedConcepts[i]]);
        // Only broad concepts the bonus can bring near the top, and narrower ones within reach of those, are looked at:
        // most touched concepts share one common word with the query and score far below.
        var floor = best - (w.GenericBonus + w.GenericReach + 0.2f) * maxScore;
        var broad = s.Broad;
        broad.Clear();
        for (var i = 0; i < touched; i++)
        {
            var c = s.TouchedConcepts[i];
            var score = s.ConceptScore[c];
            if (score < floor) continue;
            for (var b = _broader[c]; b >= 0; b = _broader[b])
            {
                var own = s.ConceptScore[b];
                if (own == 0 || score < own - w.GenericReach * maxScore) continue; // only broad concepts the query matches itself
                if (s.NarrowerNear[b]++ == 0) broad.Add(b);
            }
        }
        foreach (var b in broad)
        {
            var count = s.NarrowerNear[b];
            s.NarrowerNear[b] = 0;
            if (count >= 2) s.ConceptScore[b] += w.GenericBonus * maxScore * Math.Min(1f, (count - 1) / 2f);
        }
    }

    /// <summary>The query's normalised words without job-ad noise and without filler words, while another word remains.</summary>
    private List<string> QueryTokens(string text)
    {
        var tokens = TitleNormalizer.QueryTokens(text);
        if (_queryFiller is null) return tokens;
        var kept = tokens.FindAll(t => !_queryFiller.Contains(t));
        return kept.Count > 0 ? kept : tokens;
    }

    private static string Padded(List<string> tokens) => " " + string.Join(' ', tokens) + " ";

    /// <summary>The best <paramref name="top"/> concepts for <paramref name="text"/>, best first, scores in 0..1.</summary>
    public List<(int Concept, float Score)> Search(string text, string lang, int top)
    {
        var result = new List<(int, float)>(top);
        var queryTokens = QueryTokens(text);
        if (queryTokens.Count == 0) return result;
        var s = _scratch.Value!;
        var maxScore = Accumulate(queryTokens, TitleNormalizer.QueryParts(text), lang, s);
        TopK(s, top, result, 1f / maxScore);
        s.End();
        return result;
    }

    /// <summary>
    /// The best <paramref name="top"/> concepts for <paramref name="text"/> as <see cref="Search"/> ranks them, each with the
    /// re-ranking features of <see cref="RerankFeatures"/> written to <paramref name="features"/> (row i at i × Count).
    /// </summary>
    public List<(int Concept, float Score)> Candidates(string text, string lang, int top, List<float> features)
    {
        var result = new List<(int, float)>(top);
        features.Clear();
        var queryTokens = QueryTokens(text);
        if (queryTokens.Count == 0) return result;
        var s = _scratch.Value!;
        var maxScore = Accumulate(queryTokens, TitleNormalizer.QueryParts(text), lang, s);
        var scale = 1f / maxScore;
        TopK(s, top, result, scale);
        var queryText = string.Join(' ', queryTokens);
        var french = lang == "fr";
        var topScore = result.Count > 0 ? result[0].Item2 : 0f;
        // Evidence from the candidate's ISCO unit group: many close concepts of one group point to its general concept.
        var groups = new Dictionary<int, (float Max, float Sum, int Count)>();
        var rankInGroup = new int[result.Count];
        for (var i = 0; i < result.Count; i++)
        {
            var unit = Concepts[result[i].Item1].IscoUnit;
            if (unit < 0) continue;
            var g = groups.GetValueOrDefault(unit);
            rankInGroup[i] = g.Count;
            groups[unit] = (Math.Max(g.Max, result[i].Item2), g.Sum + result[i].Item2, g.Count + 1);
        }
        for (var i = 0; i < result.Count; i++)
        {
            var (c, score) = result[i];
            var label = s.BestLabel[c];
            var concept = Concepts[c];
            float qc = 0, lc = 0, head = 0, pref = 0, same = 0, labelTokens = 0, edit = 0;
            if (label >= 0)
            {
                qc = s.BestQc[c];
                lc = s.BestLc[c];
                head = s.BestHead[c];
                pref = (_labelFlags[label] & FlagPreferred) != 0 ? 1 : 0;
                same = ((_labelFlags[label] & FlagFrench) != 0) == french ? 1 : 0;
                labelTokens = _labelTokenStart[label + 1] - _labelTokenStart[label];
                edit = EditRatio(queryText, LabelText(label));
            }
            RerankFeatures.Write(features, new RerankFeatures.Values
            {
                Score = score, LexicalScore = s.BestLex[c] * scale, QueryCoverage = qc, LabelCoverage = lc, Head = head,
                Preferred = pref, SameLanguage = same, NgramCosine = s.Ngram[c], Rank = i, GapToFirst = topScore - score,
                Labels = _conceptLabelCount[c], LabelTokens = labelTokens, QueryTokens = queryTokens.Count,
                FullQueryLabels = s.FullQuery[c], FullLabelLabels = s.FullLabel[c], TouchedLabels = s.LabelHits[c],
                CodeDepth = concept.CodeDepth, IscoMajor = concept.IscoMajor, EditRatio = edit,
                GroupMax = concept.IscoUnit >= 0 ? groups[concept.IscoUnit].Max : score,
                GroupSum = concept.IscoUnit >= 0 ? groups[concept.IscoUnit].Sum : score,
                GroupCount = concept.IscoUnit >= 0 ? groups[concept.IscoUnit].Count : 1, RankInGroup = rankInGroup[i],
                PreferredQueryCoverage = s.PrefQc[c], PreferredLabelCoverage = s.PrefLc[c], Narrower = _narrowerLog[c],
            });
        }
        s.End();
        return result;
    }

    private string LabelText(int label)
    {
        var parts = new string[_labelTokenStart[label + 1] - _labelTokenStart[label]];
        for (var k = 0; k < parts.Length; k++) parts[k] = _tokens[_labelTokens[_labelTokenStart[label] + k]];
        return string.Join(' ', parts);
    }

    /// <summary>1 − edit distance / longer length, on normalised token strings; 0 when far apart.</summary>
    private static float EditRatio(string a, string b)
    {
        var longer = Math.Max(a.Length, b.Length);
        if (longer == 0) return 1f;
        var bound = Math.Min(longer, 12);
        var d = EditDistance.Bounded(a, b, bound);
        return d > bound ? 0f : 1f - (float)d / longer;
    }

    /// <summary>Scores every concept sharing a token or an n-gram with the query into the scratch; returns the maximum possible score.</summary>
    private float Accumulate(List<string> queryTokens, List<List<string>> parts, string lang, Scratch s)
    {
        var w = Weights;
        var sentence = queryTokens.Count > w.SentenceTokens;
        var wq = sentence ? 1f - w.SentenceLabelCoverage : w.QueryCoverage;
        var we = sentence ? w.SentenceLabelCoverage : w.LabelCoverage;
        var maxScore = wq + we + w.HeadMatch + w.PreferredLabel + w.SameLanguage + w.NgramCosine + w.Generality;
        var french = lang == "fr";

        s.Begin();
        ScoreLabels(queryTokens, french, wq, we, 1f, s);
        // The vocabulary is French: an English query keeps its own words ("car driver" is not a coach driver).
        // A word written by ear that the job vocabulary knows ("kariste", "téléconseillé") is also read as that word, nearly
        // as if typed so: the literal wording keeps the edge over the vocabulary's rewrites, as it does for the exact word.
        var respelled = french ? Respelled(queryTokens) : null;
        if (respelled is not null) ScoreLabels(respelled, french, wq, we, w.RespelledFactor, s);
        var rewrites = french ? _vocabulary?.Rewrites(respelled ?? queryTokens) : null;
        if (rewrites is not null)
            foreach (var rewritten in rewrites)
                ScoreLabels(rewritten, french, wq, we, w.RewriteFactor, s);
        // A title naming two jobs ("Magasinier – Cariste") is also scored part by part: each job counts on its own.
        // A French title's part names a job when a French label starts with its first word: English labels start with
        // nouns that are workplaces in French ("restaurant manager" → "Cuisinier – restaurant" would be two jobs).
        var heads = french ? _frenchHeadTokens : _headTokens;
        var jobParts = NamesSeveralJobs(parts, heads) ? parts : null;
        // "Cuisinier chaud – restaurant Marrakech": the job comes first, then where it is; the job part is also scored
        // alone so the workplace words ("restaurant") do not outweigh the job noun ("gérant de restaurant").
        if (jobParts is null && NamesJobThenContext(parts, heads))
        {
            ScoreLabels(parts[0], french, wq, we, w.PartFactor, s);
            if (french && VocabularyRewrites(parts[0]) is { } firstRewrites)
                foreach (var rewritten in firstRewrites) ScoreLabels(rewritten, french, wq, we, w.PartFactor * w.RewriteFactor, s);
        }
        if (jobParts is not null)
            for (var p = 0; p < jobParts.Count; p++)
            {
                // The job named first is usually the main one: it wins a tie with the others.
                var factor = w.PartFactor * (p == 0 ? 1f : 0.99f);
                ScoreLabels(jobParts[p], french, wq, we, factor, s);
                if (french && VocabularyRewrites(jobParts[p]) is { } partRewrites)
                    foreach (var rewritten in partRewrites) ScoreLabels(rewritten, french, wq, we, factor * w.RewriteFactor, s);
            }
        foreach (var c in s.TouchedConcepts)
        {
            s.BestLex[c] = s.ConceptScore[c];
            s.ConceptScore[c] += w.Generality * _generality[c];
        }

        if (w.NgramCosine > 0)
        {
            // A concept keeps its best n-gram similarity over the query's wordings: without the rewrites, an opaque word
            // ("téléconseiller") lends its n-grams to look-alike labels ("conseiller …") and outweighs the known meaning.
            var state = (s, w.NgramCosine);
            NgramPass(Padded(queryTokens), ref state);
            if (respelled is not null) NgramPass(Padded(respelled), ref state);
            if (rewrites is not null)
                foreach (var rewritten in rewrites)
                    if (rewritten.Count > 0) NgramPass(Padded(rewritten), ref state);
        }
        RaiseBroadConcepts(s, maxScore);
        if (w.WordOverlapFloor < 1f)
            foreach (var c in s.TouchedConcepts)
                s.ConceptScore[c] *= w.WordOverlapFloor + (1f - w.WordOverlapFloor) * Math.Min(1f, 2f * s.BestStrong[c]);
        return maxScore;
    }

    /// <summary>
    /// Whether the separated parts of a title are different jobs: at least two parts, each starting with a word that starts
    /// some label (a job noun, not "Tanger Med" or "CACES"), with different first words ("Conducteur / Conductrice de
    /// travaux" is one job).
    /// </summary>
    private static bool NamesSeveralJobs(List<List<string>> parts, HashSet<string> heads)
    {
        if (parts.Count < 2) return false;
        foreach (var part in parts)
            if (!heads.Contains(part[0])) return false;
        for (var i = 1; i < parts.Count; i++)
            if (parts[i][0] == parts[0][0]) return false;
        return true;
    }

    /// <summary>
    /// Whether a title is one job followed by its context: a first part starting with a word that starts some label, and a
    /// later part that does not ("… – usine Tanger", "… - restaurant").
    /// </summary>
    private static bool NamesJobThenContext(List<List<string>> parts, HashSet<string> heads)
    {
        if (parts.Count < 2 || !heads.Contains(parts[0][0])) return false;
        for (var i = 1; i < parts.Count; i++)
            if (!heads.Contains(parts[i][0])) return true;
        return false;
    }

    private void NgramPass(string padded, ref (Scratch S, float Weight) state) =>
        _ngrams.Search(padded, ref state, static (ref (Scratch S, float Weight) st, int c, float cos) =>
        {
            if (st.S.ConceptScore[c] == 0 && st.S.Ngram[c] == 0) { st.S.TouchedConcepts.Add(c); st.S.BestLabel[c] = -1; }
            if (cos <= st.S.Ngram[c]) return;
            st.S.ConceptScore[c] += st.Weight * (cos - st.S.Ngram[c]);
            st.S.Ngram[c] = cos;
        });

    /// <summary>Scores the labels sharing a token with one wording of the query; concepts keep their best label over wordings.</summary>
    private void ScoreLabels(List<string> queryTokens, bool french, float wq, float we, float factor, Scratch s)
    {
        var w = Weights;
        var managerPenalty = queryTokens.Exists(ManagerWords.Contains) ? 0f : w.ManagerWithoutManagerQuery;
        var headMissingPenalty = queryTokens.Count >= 2 ? w.HeadMissing : 0f;
        float queryIdfSum = 0;
        for (var q = 0; q < queryTokens.Count; q++)
        {
            var expansions = french ? ExpandFrench(queryTokens[q]) : Expand(queryTokens[q]);
            var qIdf = expansions.Length > 0 ? _idf[expansions[0].Token] : UnknownIdf;
            queryIdfSum += qIdf;
            s.Stamp++;
            foreach (var (token, sim) in expansions)
            {
                for (var p = _postingStart[token]; p < _postingStart[token + 1]; p++)
                {
                    var label = _postings[p];
                    if (s.LabelStamp[label] == s.Stamp) continue; // a better expansion of this query token already counted
                    s.LabelStamp[label] = s.Stamp;
                    if (s.QueryAcc[label] == 0 && s.LabelAcc[label] == 0) s.TouchedLabels.Add(label);
                    s.QueryAcc[label] += qIdf * sim;
                    if (sim >= StrongMatch) s.StrongAcc[label] += qIdf;
                    s.LabelAcc[label] += _idf[token] * sim;
                    if (q == 0 && _labelTokens[_labelTokenStart[label]] == token) s.Head[label] = sim;
                    if (q == 0) s.HeadAnywhere[label] = 1;
                }
            }
        }

        foreach (var label in s.TouchedLabels)
        {
            var qc = s.QueryAcc[label] / queryIdfSum;
            var lc = Math.Min(1f, s.LabelAcc[label] / _labelIdfSum[label]);
            var flags = _labelFlags[label];
            var score = wq * qc + we * lc + w.HeadMatch * s.Head[label]
                + ((flags & FlagPreferred) != 0 ? w.PreferredLabel : 0)
                + (((flags & FlagFrench) != 0) == french ? w.SameLanguage : 0)
                - ((flags & FlagManagerHead) != 0 ? managerPenalty : 0)
                - (s.HeadAnywhere[label] == 0 ? headMissingPenalty : 0);
            var c = _labelConcept[label];
            if (s.ConceptScore[c] == 0) { s.TouchedConcepts.Add(c); s.BestLabel[c] = -1; }
            score *= factor;
            if (score > s.ConceptScore[c])
            {
                s.ConceptScore[c] = score; s.BestLabel[c] = label; s.BestQc[c] = qc; s.BestLc[c] = lc; s.BestHead[c] = s.Head[label];
                s.BestStrong[c] = s.StrongAcc[label] / queryIdfSum;
            }
            if ((flags & FlagPreferred) != 0 && qc + lc > s.PrefQc[c] + s.PrefLc[c]) { s.PrefQc[c] = qc; s.PrefLc[c] = lc; }
            if (qc >= 0.999f) s.FullQuery[c]++;
            if (lc >= 0.999f) s.FullLabel[c]++;
            s.LabelHits[c]++;
        }
        foreach (var l in s.TouchedLabels) { s.QueryAcc[l] = 0; s.LabelAcc[l] = 0; s.Head[l] = 0; s.StrongAcc[l] = 0; s.HeadAnywhere[l] = 0; }
        s.TouchedLabels.Clear();
    }

    /// <summary>Expansion similarity from which a query word counts as found in a label (typo, plural, activity noun: not a mere prefix).</summary>
    private const float StrongMatch = 0.74f;

    private float UnknownIdf => 0.5f * (float)Math.Log(1.0 + Concepts.Count);

    private static void TopK(Scratch s, int top, List<(int, float)> result, float scale)
    {
        // Small binary min-heap over the touched concepts.
        var heap = s.Heap;
        heap.Clear();
        foreach (var c in s.TouchedConcepts)
        {
            var score = s.ConceptScore[c];
            if (heap.Count < top) heap.Enqueue(c, (score, -c));
            else if (heap.TryPeek(out _, out var min) && (score, -c).CompareTo(min) > 0) heap.EnqueueDequeue(c, (score, -c));
        }
        var start = result.Count;
        while (heap.TryDequeue(out var c, out var p)) result.Add((c, Math.Min(1f, p.Item1 * scale)));
        result.Reverse(start, result.Count - start);
    }

    private readonly record struct Expansion(int Token, float Sim);

    /// <summary><see cref="Expand"/> plus the French translations of an English word (<see cref="LabelTranslations"/>).</summary>
    private Expansion[] ExpandFrench(string q)
    {
        var own = Expand(q);
        if (!_translations.TryGetValue(q, out var translations)) return own;
        if (_frenchExpansionCache.TryGetValue(q, out var cached)) return cached;
        var found = own.ToDictionary(e => e.Token, e => e.Sim);
        foreach (var (token, sim) in translations)
            if (_tokenIds.TryGetValue(token, out var id) && (!found.TryGetValue(id, out var old) || sim > old)) found[id] = sim;
        var result = found.Select(kv => new Expansion(kv.Key, kv.Value)).OrderByDescending(e => e.Sim).ThenBy(e => e.Token).Take(MaxExpansions).ToArray();
        _frenchExpansionCache.TryAdd(q, result);
        return result;
    }

    /// <summary>Vocabulary tokens a query token may stand for: itself, prefixes/extensions, one or two typos away.</summary>
    private Expansion[] Expand(string q)
    {
        if (_expansionCache.TryGetValue(q, out var cached)) return cached;
        var found = new Dictionary<int, float>();
        void Offer(int token, float sim)
        {
            if (!found.TryGetValue(token, out var old) || sim > old) found[token] = sim;
        }

        var exact = _tokenIds.TryGetValue(q, out var exactId);
        if (exact) Offer(exactId, 1f);
        if (_synonyms.TryGetValue(q, out var synonyms))
            foreach (var (token, sim) in synonyms)
                if (_tokenIds.TryGetValue(token, out var id)) Offer(id, sim);
        if (q.Length >= 3 && !char.IsDigit(q[0]))
        {
            // Vocabulary tokens that extend the query token: "hotel" → "hotelier", "auto" → "automobile".
            var i = Array.BinarySearch(_sortedTokens, q, StringComparer.Ordinal);
            if (i < 0) i = ~i;
            for (var n = 0; i < _sortedTokens.Length && n < 200 && _sortedTokens[i].StartsWith(q, StringComparison.Ordinal); i++, n++)
                if (_sortedTokens[i].Length > q.Length)
                    Offer(_tokenIds[_sortedTokens[i]], 0.55f + 0.3f * q.Length / _sortedTokens[i].Length);
            // Vocabulary tokens the query token extends: "hotelier" → "hotel".
            for (var len = q.Length - 1; len >= 4; len--)
                if (_tokenIds.TryGetValue(q[..len], out var shorter)) Offer(shorter, 0.55f + 0.3f * len / q.Length);
        }
        if (!exact && q.Length >= 4) OfferTypos(q, Offer);
        // Written by ear: "patisié" is "patissier", "chofeur" is "chauffeur" (several edits apart, one sound).
        if (!exact && FrenchPhoneticKey.Of(q) is { } key && _phoneticTokens.TryGetValue(key, out var soundAlike))
            foreach (var t in soundAlike) Offer(t, PhoneticSimilarity);
        if (q.Length >= 6 && !char.IsDigit(q[0])) OfferAgentNouns(q, Offer);

        var result = found.Select(kv => new Expansion(kv.Key, kv.Value))
            .OrderByDescending(e => e.Sim).ThenBy(e => e.Token).Take(MaxExpansions).ToArray();
        if (_expansionCache.Count < 200_000) _expansionCache.TryAdd(q, result);
        return result;
    }

    // Stemmed endings of French activity nouns and of the nouns for the people doing them: the query says what is
    // done ("poseur de carrelage", "agent de plomberie", "responsable restauration"), ESCO names who does it
    // ("carreleur", "plombier", "restaurateur").
    private static readonly string[] ActivityEndings = ["ation", "ment", "iqu", "eri", "ag", "ur", "it", "i"];
    private static readonly string[] AgentEndings = ["", "eur", "ier", "ien", "icien", "ateur", "ant", "ist", "air", "er", "r"];

    /// <summary>Offers the agent nouns of an activity noun: "carrelag" → "carreleur", "plomberi" → "plombier", "maconneri" → "macon".</summary>
    private void OfferAgentNouns(string q, Action<int, float> offer)
    {
        foreach (var ending in ActivityEndings)
        {
            if (!q.EndsWith(ending, StringComparison.Ordinal) || q.Length - ending.Length < 4) continue;
            var stem = q[..^ending.Length];
            // "maçonnerie" → "maconn" → "macon", "hôtellerie" → "hotell" → "hotel".
            var undoubled = stem[^1] == stem[^2] ? stem[..^1] : null;
            foreach (var b in undoubled is null ? [stem] : new[] { stem, undoubled })
                foreach (var agent in AgentEndings)
                {
                    var candidate = b + agent;
                    if (candidate.Length >= 5 && candidate != q && _tokenIds.TryGetValue(candidate, out var id))
                        offer(id, agent == "er" ? Weights.ActivityVerb : AgentNounSimilarity);
                }
        }
    }

    private const float AgentNounSimilarity = 0.75f;

    /// <summary>Similarity of a word to a vocabulary word that sounds the same: above a one-letter typo, below the exact word.</summary>
    private const float PhoneticSimilarity = 0.9f;

    private void OfferTypos(string q, Action<int, float> offer)
    {
        var shared = new Dictionary<int, int>();
        foreach (var g in Trigrams(q))
        {
            if (!_trigramTokens.TryGetValue(g, out var list)) continue;
            foreach (var t in list) shared[t] = shared.GetValueOrDefault(t) + 1;
        }
        var maxDistance = q.Length >= 7 ? 2 : 1;
        var qGrams = q.Length; // padded trigram count = length of the token
        foreach (var (t, n) in shared)
        {
            var candidate = _tokens[t];
            if (Math.Abs(candidate.Length - q.Length) > maxDistance) continue;
            // Each edit destroys at most three trigrams.
            if (n < Math.Max(qGrams, candidate.Length) - 3 * maxDistance) continue;
            var d = EditDistance.Bounded(q, candidate, maxDistance);
            if (d == 1) offer(t, 0.85f);
            else if (d == 2) offer(t, 0.7f);
        }
    }

    private static IEnumerable<long> Trigrams(string token)
    {
        // Padded with one boundary mark on each side so short tokens still have trigrams.
        var padded = "^" + token + "$";
        for (var i = 0; i + 3 <= padded.Length; i++)
            yield return ((long)padded[i] << 32) | ((long)padded[i + 1] << 16) | padded[i + 2];
    }

    private sealed class Scratch(int labels, int concepts)
    {
        public readonly float[] QueryAcc = new float[labels], LabelAcc = new float[labels], Head = new float[labels], StrongAcc = new float[labels], HeadAnywhere = new float[labels];
        public readonly int[] LabelStamp = new int[labels];
        public readonly float[] ConceptScore = new float[concepts], BestLex = new float[concepts], Ngram = new float[concepts],
            PrefQc = new float[concepts], PrefLc = new float[concepts], BestQc = new float[concepts], BestLc = new float[concepts],
            BestHead = new float[concepts], BestStrong = new float[concepts];
        public readonly int[] BestLabel = new int[concepts];
        public readonly short[] FullQuery = new short[concepts], FullLabel = new short[concepts], LabelHits = new short[concepts];
        public readonly List<int> TouchedLabels = new(1024), TouchedConcepts = new(256);
        public readonly PriorityQueue<int, (float, int)> Heap = new();
        public readonly List<int> Broad = new(16);
        public readonly short[] NarrowerNear = new short[concepts];
        public int Stamp;

        public void Begin()
        {
            TouchedLabels.Clear();
            TouchedConcepts.Clear();
        }

        public void End()
        {
            foreach (var c in TouchedConcepts)
            {
                ConceptScore[c] = 0; BestStrong[c] = 0; BestLex[c] = 0; BestQc[c] = 0; BestLc[c] = 0; BestHead[c] = 0; Ngram[c] = 0; PrefQc[c] = 0; PrefLc[c] = 0; FullQuery[c] = 0; FullLabel[c] = 0; LabelHits[c] = 0;
            }
        }
    }
}

/// <summary>Optimal-string-alignment edit distance with an early exit above a bound.</summary>
internal static class EditDistance
{
    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/>, or bound + 1 when larger.</summary>
    public static int Bounded(string a, string b, int bound)
    {
        if (Math.Abs(a.Length - b.Length) > bound) return bound + 1;
        var prev2 = new int[b.Length + 1];
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }
            if (rowMin > bound) return bound + 1;
            (prev2, prev, cur) = (prev, cur, prev2);
        }
        return prev[b.Length];
    }
}
