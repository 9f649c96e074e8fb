namespace Matching.Core.Linking;

/// <summary>
/// TF-IDF vectors of character 3- to 5-grams over labels, searched by cosine through an inverted index with dense
/// per-thread accumulators (no per-query dictionaries). N-grams are hashed to 64 bits; collisions are negligible.
/// </summary>
internal sealed class CharNgramIndex
{
    private readonly Dictionary<ulong, int> _gramIds;
    private readonly float[] _idf;
    private readonly float _unknownIdf, _minSearchedIdf;
    private readonly int[] _postingStart, _postingLabel;
    private readonly float[] _postingWeight;
    private readonly int[] _labelConcept;
    private readonly int _conceptCount;
    private readonly ThreadLocal<Scratch> _scratch;

    /// <param name="labels">(concept index, text already normalised and padded with spaces).</param>
    /// <param name="conceptCount">Number of concepts the labels belong to.</param>
    /// <param name="skipCommonGrams">Skip, when searching, n-grams found in more than 2% of labels (faster, nearly the same ranking).</param>
    public CharNgramIndex(IReadOnlyList<(int Concept, string Text)> labels, int conceptCount, bool skipCommonGrams)
    {
        _conceptCount = conceptCount;
        _gramIds = new Dictionary<ulong, int>(labels.Count * 4);
        // Flat (gram id, tf) runs per label, built with one reusable buffer: this runs at start-up.
        var labelStart = new List<int>(labels.Count + 1) { 0 };
        var labelGram = new List<int>(labels.Count * 24);
        var labelTf = new List<float>(labels.Count * 24);
        var labelConcept = new List<int>(labels.Count);
        var df = new List<int>();
        var ids = new List<int>(64);
        foreach (var (concept, text) in labels)
        {
            ids.Clear();
            for (var n = 3; n <= 5; n++)
                for (var i = 0; i + n <= text.Length; i++)
                {
                    var g = GramHash(text, i, n);
                    // One hash lookup per n-gram (this loop is most of the index build).
                    ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_gramIds, g, out var exists);
                    if (!exists) { id = df.Count; df.Add(0); }
                    ids.Add(id);
                }
            if (ids.Count == 0) continue;
            ids.Sort();
            for (var k = 0; k < ids.Count;)
            {
                var j = k;
                while (j < ids.Count && ids[j] == ids[k]) j++;
                labelGram.Add(ids[k]);
                labelTf.Add(j - k);
                df[ids[k]]++;
                k = j;
            }
            labelStart.Add(labelGram.Count);
            labelConcept.Add(concept);
        }
        var labelCount = labelConcept.Count;
        _idf = df.Select(d => (float)(Math.Log((1.0 + labelCount) / (1.0 + d)) + 1.0)).ToArray();
        _unknownIdf = (float)(Math.Log(1.0 + labelCount) + 1.0);
        // N-grams found in more than 2% of the labels add little to a cosine but cost most of the postings walked.
        _minSearchedIdf = skipCommonGrams ? (float)(Math.Log((1.0 + labelCount) / (1.0 + 0.02 * labelCount)) + 1.0) : 0f;
        _labelConcept = [.. labelConcept];
        var start = new int[_idf.Length + 1];
        foreach (var id in labelGram) start[id + 1]++;
        for (var i = 0; i < _idf.Length; i++) start[i + 1] += start[i];
        _postingStart = start;
        _postingLabel = new int[start[^1]];
        _postingWeight = new float[start[^1]];
        var fill = (int[])start.Clone();
        for (var l = 0; l < labelCount; l++)
        {
            double norm = 0;
            for (var k = labelStart[l]; k < labelStart[l + 1]; k++) { var x = labelTf[k] * _idf[labelGram[k]]; norm += x * x; }
            var inv = (float)(1.0 / Math.Sqrt(norm));
            for (var k = labelStart[l]; k < labelStart[l + 1]; k++)
            {
                var p = fill[labelGram[k]]++;
                _postingLabel[p] = l;
                _postingWeight[p] = labelTf[k] * _idf[labelGram[k]] * inv;
            }
        }
        _scratch = new ThreadLocal<Scratch>(() => new Scratch(_labelConcept.Length, _conceptCount));
    }

    /// <summary>
    /// Calls <paramref name="visit"/> with (concept, best cosine over its labels) for every concept sharing an n-gram
    /// with <paramref name="paddedText"/>.
    /// </summary>
    public void Search<TState>(string paddedText, ref TState state, VisitConcept<TState> visit)
    {
        var s = _scratch.Value!;
        s.QueryGrams.Clear();
        ForEachGram(paddedText, s.AddQueryGram);
        double norm = 0;
        s.Known.Clear();
        foreach (var (g, tf) in s.QueryGrams)
        {
            var known = _gramIds.TryGetValue(g, out var id);
            var x = tf * (known ? _idf[id] : _unknownIdf);
            norm += x * x;
            if (known && _idf[id] >= _minSearchedIdf) s.Known.Add((id, x));
        }
        if (s.Known.Count == 0) return;
        var inv = (float)(1.0 / Math.Sqrt(norm));
        foreach (var (id, x) in s.Known)
        {
            var qx = x * inv;
            for (var p = _postingStart[id]; p < _postingStart[id + 1]; p++)
            {
                var l = _postingLabel[p];
                if (s.LabelScore[l] == 0) s.TouchedLabels.Add(l);
                s.LabelScore[l] += qx * _postingWeight[p];
            }
        }
        foreach (var l in s.TouchedLabels)
        {
            var c = _labelConcept[l];
            if (s.ConceptScore[c] == 0) s.TouchedConcepts.Add(c);
            if (s.LabelScore[l] > s.ConceptScore[c]) s.ConceptScore[c] = s.LabelScore[l];
            s.LabelScore[l] = 0;
        }
        foreach (var c in s.TouchedConcepts)
        {
            visit(ref state, c, s.ConceptScore[c]);
            s.ConceptScore[c] = 0;
        }
        s.TouchedLabels.Clear();
        s.TouchedConcepts.Clear();
    }

    public delegate void VisitConcept<TState>(ref TState state, int concept, float cosine);

    private static void ForEachGram(string padded, Action<ulong> action)
    {
        for (var n = 3; n <= 5; n++)
            for (var i = 0; i + n <= padded.Length; i++) action(GramHash(padded, i, n));
    }

    private static ulong GramHash(string text, int start, int length)
    {
        var h = 14695981039346656037UL ^ (ulong)length;
        for (var k = start; k < start + length; k++) { h ^= text[k]; h *= 1099511628211UL; }
        return h;
    }

    private sealed class Scratch
    {
        public readonly float[] LabelScore, ConceptScore;
        public readonly List<int> TouchedLabels = new(4096), TouchedConcepts = new(1024);
        public readonly Dictionary<ulong, int> QueryGrams = [];
        public readonly List<(int Id, float X)> Known = new(64);
        public readonly Action<ulong> AddQueryGram;

        public Scratch(int labels, int concepts)
        {
            LabelScore = new float[labels];
            ConceptScore = new float[concepts];
            AddQueryGram = g => QueryGrams[g] = QueryGrams.GetValueOrDefault(g) + 1;
        }
    }
}
