using System.Text;
using System.Text.RegularExpressions;

namespace Matching.Core.Linking;

/// <summary>
/// Turns an Arabic-script job title into comparable tokens, as <see cref="TitleNormalizer"/> does for French and English:
/// tashkeel, tatweel and presentation forms removed, alef forms unified (أ إ آ ٱ → ا), ى → ي, ة → ه, ؤ → و, ئ → ي,
/// Arabic-Indic digits read as digits, the article and its glued prepositions dropped ("ال", "وال", "بال", "لل"…),
/// feminine endings and sound plurals folded ("طباخة" → "طباخ", "مهندسين" → "مهندس", "مبيعات" → "مبيع"), and a few
/// everyday words read as ESCO's wording ("طباخ" → "طاهي", "كاشير" → "أمين صندوق"). The same function is applied to
/// ESCO's Arabic labels and to queries, so it only has to be consistent, not linguistically exact. Latin words of a
/// mixed title go through <see cref="TitleNormalizer"/>.
/// </summary>
public static partial class ArabicNormalizer
{
    /// <summary>Whether <paramref name="text"/> holds at least one Arabic letter (basic block, supplement or presentation forms).</summary>
    public static bool ContainsArabic(ReadOnlySpan<char> text) =>
        text.IndexOfAnyInRange('\u0600', '\u06FF') >= 0 || text.IndexOfAnyInRange('\u0750', '\u077F') >= 0
        || text.IndexOfAnyInRange('\uFB50', '\uFDFF') >= 0 || text.IndexOfAnyInRange('\uFE70', '\uFEFC') >= 0;

    private static bool IsArabicLetter(char c) =>
        c is (>= '\u0620' and <= '\u064A') or (>= '\u066E' and <= '\u06D3') or (>= '\u0750' and <= '\u077F')
            or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFC');

    /// <summary>
    /// Whether most letters of <paramref name="text"/> are Arabic (at least half of them): such a title is linked through
    /// ESCO's Arabic labels whatever language the form was in.
    /// </summary>
    public static bool IsMostlyArabic(ReadOnlySpan<char> text)
    {
        if (!ContainsArabic(text)) return false;
        int arabic = 0, other = 0;
        foreach (var c in text)
        {
            if (IsArabicLetter(c)) arabic++;
            else if (char.IsLetter(c) && c != Tatweel) other++;
        }
        return arabic > 0 && arabic >= other;
    }

    private const char Tatweel = '\u0640';

    /// <summary>
    /// Removes what does not change a word: tashkeel (harakat, shadda, sukun, superscript alef, Quranic marks), tatweel,
    /// zero-width joiners; reads presentation forms, Persian/Urdu letter shapes and Arabic-Indic digits as the basic ones.
    /// Hamza and alef forms are kept (the article is recognised before they are unified).
    /// </summary>
    public static string Clean(string text)
    {
        var s = text.AsSpan().IndexOfAnyInRange('\uFB50', '\uFEFC') >= 0 ? text.Normalize(NormalizationForm.FormKC) : text;
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            switch (c)
            {
                case >= '\u064B' and <= '\u065F' or '\u0670' or (>= '\u06D6' and <= '\u06ED') or Tatweel or '\u200C' or '\u200D' or '\u200F' or '\u200E':
                    break;
                case >= '\u0660' and <= '\u0669': sb.Append((char)('0' + (c - '\u0660'))); break;
                case >= '\u06F0' and <= '\u06F9': sb.Append((char)('0' + (c - '\u06F0'))); break;
                case '\u06A9': sb.Append('\u0643'); break;             // Persian keheh → kaf
                case '\u06CC' or '\u06D2': sb.Append('\u064A'); break; // Persian yeh, yeh barree → yeh
                case '\u060C': sb.Append(','); break;                  // Arabic comma
                case '\u061B': sb.Append(';'); break;
                case '\u061F': sb.Append('?'); break;
                default: sb.Append(char.ToLowerInvariant(c)); break;
            }
        }
        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> LettersToUnify =
        System.Buffers.SearchValues.Create("\u0622\u0623\u0625\u0671\u0672\u0673\u0649\u0629\u06C0\u0624\u0626");

    /// <summary>Unifies letters people write interchangeably: أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي.</summary>
    public static string UnifyLetters(string word)
    {
        if (word.AsSpan().IndexOfAny(LettersToUnify) < 0) return word;
        var chars = word.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            chars[i] = chars[i] switch
            {
                '\u0622' or '\u0623' or '\u0625' or '\u0671' or '\u0672' or '\u0673' => '\u0627',
                '\u0649' or '\u0626' => '\u064A',
                '\u0629' or '\u06C0' => '\u0647',
                '\u0624' => '\u0648',
                _ => chars[i],
            };
        return new string(chars);
    }

    /// <summary><see cref="Clean"/> then <see cref="UnifyLetters"/> over the whole text (the article is kept).</summary>
    public static string Fold(string text) => UnifyLetters(Clean(text));

    // The article with the prepositions and conjunctions glued to it, longest first; on the cleaned word, before the alef
    // forms are unified, so "آلات" (machines) is not read as "ال" + "ات" while "الآلات" is.
    private static readonly string[] ArticlePrefixes = ["وبال", "وال", "بال", "كال", "فال", "لل", "ال"];

    /// <summary>The word without its article ("المدير" → "مدير", "والاتصالات" → "اتصالات", "للمبيعات" → "مبيعات").</summary>
    public static string StripArticle(string word)
    {
        foreach (var prefix in ArticlePrefixes)
            if (word.Length - prefix.Length >= 2 && word.StartsWith(prefix, StringComparison.Ordinal)) return word[prefix.Length..];
        return word;
    }

    /// <summary>
    /// Folds the feminine ending and sound plurals of a word whose letters are already unified: "طباخه" → "طباخ",
    /// "ميكانيكيه" → "ميكانيكي", "مبيعات" → "مبيع", "مهندسين" → "مهندس", "فنيين" → "فني". The masculine plural is only
    /// folded on participles (م…) and nisba adjectives (…يين), where it is the plural: "تخزين" and "تكوين" keep their ين.
    /// </summary>
    public static string Stem(string word)
    {
        var w = word;
        if (w.Length >= 4 && w[^1] == '\u0647') w = w[..^1];                           // ة/ه
        if (w.Length >= 5 && w.EndsWith("\u0627\u062A", StringComparison.Ordinal)) return w[..^2]; // ات
        if (w.Length >= 5 && (w.EndsWith("\u064A\u0646", StringComparison.Ordinal) || w.EndsWith("\u0648\u0646", StringComparison.Ordinal))
            && (w[0] == '\u0645' || w[^3] == '\u064A'))                                 // ين/ون
            return w[..^2];
        return w;
    }

    private static readonly HashSet<string> StopWords = new[]
    {
        "في", "من", "على", "إلى", "الى", "عن", "مع", "أو", "او", "و", "ب", "ل", "ف", "ثم", "ذو", "ذات", "لدى", "عند",
    }.Select(UnifyLetters).ToHashSet(StringComparer.Ordinal);

    // Everyday and Maghrebi/Levantine words for jobs that ESCO's Arabic labels name otherwise, read as ESCO's words on
    // both sides (labels and queries), so they are plain synonyms. Keys and values go through the same normalisation.
    private static readonly (string Written, string Esco)[] EverydayWords =
    [
        ("طباخ", "طاهي"), ("شيف", "طاهي"), ("كاشير", "أمين صندوق"), ("باص", "حافلة"), ("أتوبيس", "حافلة"),
        ("تاكسي", "سيارة أجرة"), ("كاميون", "شاحنة"), ("مبلط", "بلاط"), ("زليج", "بلاط"), ("دهان", "طلاء"),
        ("جبس", "مجصص"), ("جبص", "مجصص"), ("كوافير", "مصفف شعر"), ("حلواني", "حلوى"), ("بستاني", "حدائق"),
        ("جنايني", "حدائق"), ("معلوميات", "تكنولوجيا المعلومات"), ("معلوماتية", "تكنولوجيا المعلومات"),
        ("أستاذ", "مدرس"), ("مبرمج", "مطور برمجيات"), ("باريستا", "ساقي قهوة"),
        ("شوفير", "سائق"), ("شيفور", "سائق"), ("سواق", "سائق"), ("نظافة", "منظف"), ("بلومبي", "سباك"),
        ("تريسيان", "كهربائي"), ("سودور", "لحام"), ("ميكانيسيان", "ميكانيكي"),
    ];

    private static readonly Dictionary<string, string[]> Synonyms = BuildSynonyms();

    private static Dictionary<string, string[]> BuildSynonyms()
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var (written, esco) in EverydayWords)
        {
            var key = new List<string>(1);
            AppendArabicWords(Clean(written), key, synonyms: false);
            var value = new List<string>(2);
            AppendArabicWords(Clean(esco), value, synonyms: false);
            if (key.Count == 1 && value.Count > 0 && !value.Contains(key[0])) map[key[0]] = [.. value];
        }
        return map;
    }

    /// <summary>The comparable tokens of an Arabic-script (or mixed) title, in order, without duplicates.</summary>
    public static List<string> Tokens(string text)
    {
        var result = new List<string>(8);
        AppendTokens(text, result);
        return result;
    }

    /// <summary>Appends the comparable tokens of <paramref name="text"/> to <paramref name="result"/> (no duplicates).</summary>
    public static void AppendTokens(string text, List<string> result) => AppendArabicWords(Clean(text), result, synonyms: true);

    private static void AppendArabicWords(string cleaned, List<string> result, bool synonyms)
    {
        foreach (Match m in ArabicWordOrOtherText().Matches(cleaned))
        {
            // Latin stretches (with their own gender markers, "agent(e)") are TitleNormalizer's; they hold no Arabic-block
            // character, so it does not send them back here.
            if (!m.Groups["ar"].Success)
            {
                TitleNormalizer.AppendTokens(m.Value, result);
                continue;
            }
            var raw = m.Value;
            var word = UnifyLetters(StripArticle(raw));
            if (StopWords.Contains(word)) continue;
            var stem = Stem(word);
            if (synonyms && Synonyms.TryGetValue(stem, out var esco))
            {
                foreach (var t in esco) if (!result.Contains(t)) result.Add(t);
                continue;
            }
            if (stem.Length > 0 && !result.Contains(stem)) result.Add(stem);
        }
    }

    /// <summary>
    /// The gendered halves of an ESCO Arabic label ("مدير المطعم / مديرة المطعم" → both), trimmed and without empty
    /// ones; the label itself when it has no slash.
    /// </summary>
    public static IEnumerable<string> GenderedForms(string label) =>
        label.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    // An Arabic word (letters of the Arabic blocks) or a stretch of text without any Arabic-block character; Arabic-block
    // characters that are not letters (signs, marks left over) belong to neither and are skipped.
    [GeneratedRegex(@"(?<ar>[\u0620-\u064A\u066E-\u06D3\u0750-\u077F]+)|[^\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFC]+", RegexOptions.CultureInvariant)]
    private static partial Regex ArabicWordOrOtherText();
}
