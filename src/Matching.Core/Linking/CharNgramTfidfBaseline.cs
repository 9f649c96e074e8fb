using System.Globalization;
using System.Text;

namespace Matching.Core.Linking;

/// <summary>
/// The reference baseline of the evaluation: TF-IDF vectors of character 3- to 5-grams over each label (lower case,
/// accents removed, punctuation as spaces), cosine similarity, a concept scored by its best label.
/// Deliberately plain: it knows nothing of French morphology, abbreviations or gendered writing.
/// </summary>
internal sealed class CharNgramTfidfBaseline
{
    private readonly CharNgramIndex _index;

    public IReadOnlyList<IndexedConcept> Concepts { get; }

    public CharNgramTfidfBaseline(IReadOnlyList<IndexedConcept> concepts)
    {
        Concepts = concepts;
        var labels = new List<(int, string)>();
        for (var c = 0; c < concepts.Count; c++)
            foreach (var label in concepts[c].Labels) labels.Add((c, Normalize(label.Text)));
        _index = new CharNgramIndex(labels, concepts.Count, skipCommonGrams: false);
    }

    /// <summary>Best <paramref name="top"/> concepts by cosine similarity, best first.</summary>
    public List<(int Concept, float Score)> Search(string text, int top)
    {
        var all = new List<(int Concept, float Score)>();
        _index.Search(Normalize(text), ref all, static (ref List<(int, float)> list, int c, float cos) => list.Add((c, cos)));
        all.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Concept.CompareTo(b.Concept));
        if (all.Count > top) all.RemoveRange(top, all.Count - top);
        return all;
    }

    internal static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        sb.Append(' ');
        foreach (var c in text.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var ch = char.IsLetterOrDigit(c) ? c : ' ';
            if (ch == ' ' && sb[^1] == ' ') continue;
            sb.Append(ch);
        }
        if (sb[^1] != ' ') sb.Append(' ');
        return sb.ToString();
    }
}
