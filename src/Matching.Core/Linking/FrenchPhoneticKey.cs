using System.Text;

namespace Matching.Core.Linking;

/// <summary>
/// A rough French sound key for one normalised token (<see cref="TitleNormalizer.Tokens"/>): spellings that sound alike
/// get the same key, so a word written by ear ("patisié", "chofeur", "resepsioniste", "pintre", "téléconseillé") meets
/// the written form ("patissier", "chauffeur", "receptionniste", "peintre", "teleconseiller"). Generic spelling
/// equivalences only: endings heard as "é" (-er, -ez, -et) and silent final letters dropped, double letters single,
/// s/ss/c/ç/z one sound, ph/f, qu/k/c, ch/sh, g/j/ge, gn/ni, y/i, au/eau/o, ai/ei/è, an/en/am/em, ain/ein/in, silent h.
/// </summary>
internal static class FrenchPhoneticKey
{
    /// <summary>Shortest token given a key: below it, too many short words would share one.</summary>
    public const int MinLength = 4;

    /// <summary>
    /// The sound key of <paramref name="token"/>, or null when it has none (short, or holding a digit).
    /// <paramref name="cedilla"/> reads a "c" before a or o as "ç" (an "s"): normalised label tokens lost their
    /// cedilla ("maçon" → "macon"), so an indexed token is keyed both ways when that differs.
    /// </summary>
    public static string? Of(string token, bool cedilla = false)
    {
        if (token.Length < MinLength) return null;
        foreach (var ch in token)
            if (ch is < 'a' or > 'z') return null;
        var t = token.AsSpan();
        // Endings heard as "é" ("boulanger", "cuisinié", "chez", "jouet") and silent final consonants ("agent", "vendeurs").
        if (t.Length > 4 && (t.EndsWith("er") || t.EndsWith("ez") || t.EndsWith("et"))) t = t[..^2];
        else if (t.Length > 4 && t[^1] is 't' or 'd' or 's' or 'x' or 'z' or 'p' or 'e') t = t[..^1];

        var sb = new StringBuilder(t.Length);
        for (var i = 0; i < t.Length; i++)
        {
            var c = t[i];
            var next = i + 1 < t.Length ? t[i + 1] : '\0';
            var after = i + 2 < t.Length ? t[i + 2] : '\0';
            switch (c)
            {
                case 'p' when next == 'h': sb.Append('f'); i++; break;
                case 's' when next == 'c' && after == 'h': sb.Append('X'); i += 2; break;
                case 'c' or 's' when next == 'h': sb.Append('X'); i++; break;
                case 'c' when next == 'k': sb.Append('k'); i++; break;
                case 'c' when next is 'e' or 'i' or 'y': sb.Append('s'); break;
                case 'c' when cedilla && next is 'a' or 'o': sb.Append('s'); break;
                case 'q' when next == 'u': sb.Append('k'); i++; break;
                case 'c' or 'q': sb.Append('k'); break;
                case 'g' when next == 'u' && after is 'e' or 'i': sb.Append('g'); i++; break;
                case 'g' when next == 'e' && after is 'a' or 'o' or 'u': sb.Append('j'); i++; break;
                case 'g' when next is 'e' or 'i' or 'y': sb.Append('j'); break;
                // A final "g" after a vowel is the stem of "-age" ("menag" ← "ménage"), written "-aje" by ear.
                case 'g' when next == '\0' && i > 0 && IsVowel(t[i - 1]): sb.Append('j'); break;
                case 'g' when next == 'n': sb.Append("ni"); i++; break;
                case 'z': sb.Append('s'); break;
                case 't' when next == 'i' && after == 'o' && i + 3 < t.Length && t[i + 3] == 'n': sb.Append('s'); break;
                case 'h': break;
                case 'y': sb.Append('i'); break;
                case 'e' when next == 'a' && after == 'u': sb.Append('o'); i += 2; break;
                case 'a' when next == 'u': sb.Append('o'); i++; break;
                case 'o' when next == 'u': sb.Append('U'); i++; break;
                case 'a' or 'e' when next == 'i' && after == 'n' && IsNasalEnd(t, i + 3): sb.Append('I'); i += 2; break;
                case 'a' or 'e' when next == 'i': sb.Append('e'); i++; break;
                case 'i' when next is 'n' or 'm' && IsNasalEnd(t, i + 2): sb.Append('I'); i++; break;
                case 'a' or 'e' when next is 'n' or 'm' && IsNasalEnd(t, i + 2): sb.Append('A'); i++; break;
                default: sb.Append(c); break;
            }
        }
        // Double letters are written single and single ones double ("carlleur", "feraileur", "cofreur").
        var w = 1;
        for (var r = 1; r < sb.Length; r++)
            if (sb[r] != sb[w - 1]) sb[w++] = sb[r];
        sb.Length = Math.Min(sb.Length, w);
        return sb.ToString();
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    // A nasal vowel ("an", "in") when the n/m ends the word or comes before a consonant other than n/m ("ann", "ine" are not nasal).
    private static bool IsNasalEnd(ReadOnlySpan<char> t, int at) => at >= t.Length || (!IsVowel(t[at]) && t[at] is not ('n' or 'm' or 'h'));
}
