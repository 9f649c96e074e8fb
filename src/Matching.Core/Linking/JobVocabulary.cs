namespace Matching.Core.Linking;

/// <summary>
/// Hand-written French vocabulary: everyday words for a job (<c>Linking/Vocabulary/job-vocabulary-fr.tsv</c>: "femme de
/// ménage", "gardien", "téléconseiller") or for a skill (<c>skill-vocabulary-fr.tsv</c>: "ménage", "plonge", "permis B")
/// rewritten to the words ESCO labels use. A query containing a phrase is also scored in each rewritten form; the best
/// wording wins per concept. Immutable and thread-safe.
/// </summary>
internal sealed class JobVocabulary
{
    private const int MaxRewrites = 8;
    private readonly Dictionary<string, List<(string[] Source, string[][] Targets)>> _rulesByFirstToken = new(StringComparer.Ordinal);

    /// <summary>Where the shipped vocabulary is looked for, next to the assemblies.</summary>
    public static string DefaultFile => Path.Combine(AppContext.BaseDirectory, "Linking", "Vocabulary", "job-vocabulary-fr.tsv");

    /// <summary>
    /// Every job vocabulary file shipped: <see cref="DefaultFile"/> and the sector files beside it
    /// (<c>job-vocabulary-fr-*.tsv</c>), in name order so the rules keep a stable order.
    /// </summary>
    public static IReadOnlyList<string> JobFiles => FilesLike(DefaultFile);

    /// <summary>Every skill vocabulary file shipped: <see cref="SkillsFile"/> and <c>skill-vocabulary-fr-*.tsv</c> beside it.</summary>
    public static IReadOnlyList<string> SkillFiles => FilesLike(SkillsFile);

    /// <summary><paramref name="mainFile"/> and the files named like it with a suffix ("x.tsv", "x-*.tsv"), in name order.</summary>
    private static string[] FilesLike(string mainFile)
    {
        var folder = Path.GetDirectoryName(mainFile)!;
        if (!Directory.Exists(folder)) return [];
        var stem = Path.GetFileNameWithoutExtension(mainFile);
        return Directory.GetFiles(folder, stem + "*.tsv")
            .Where(f => Path.GetFileNameWithoutExtension(f) == stem || Path.GetFileName(f).StartsWith(stem + "-", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Where the shipped skill vocabulary is looked for, next to the assemblies.</summary>
    public static string SkillsFile => Path.Combine(AppContext.BaseDirectory, "Linking", "Vocabulary", "skill-vocabulary-fr.tsv");

    private static readonly Lazy<JobVocabulary?> SharedInstance = new(() => JobFiles.Count == 0 ? null : ParseFiles(JobFiles));
    private static readonly Lazy<JobVocabulary?> SharedSkillsInstance = new(() => SkillFiles.Count == 0 ? null : ParseFiles(SkillFiles));

    /// <summary>The shipped job vocabulary (all its files), or null when none is shipped.</summary>
    public static JobVocabulary? Shared => SharedInstance.Value;

    /// <summary>The shipped skill vocabulary (all its files), or null when none is shipped.</summary>
    public static JobVocabulary? SharedSkills => SharedSkillsInstance.Value;

    public int RuleCount { get; private set; }

    /// <summary>Every rule: the normalised phrase and its normalised replacements.</summary>
    public IEnumerable<(string[] Source, string[][] Targets)> Rules => _rulesByFirstToken.Values.SelectMany(r => r);

    /// <summary>"phrase → word" for each replacement word <paramref name="index"/> does not know (a rule that can match nothing).</summary>
    public List<string> ReplacementWordsUnknownTo(LabelIndex index) =>
        Rules.SelectMany(r => r.Targets.SelectMany(t => t).Where(w => !index.Knows(w)).Select(w => string.Join(' ', r.Source) + " → " + w)).ToList();

    /// <summary>Reads "phrase TAB replacement|replacement…" lines; '#' starts a comment line.</summary>
    public static JobVocabulary Parse(IEnumerable<string> lines)
    {
        var vocabulary = new JobVocabulary();
        vocabulary.AddRules(lines, "job vocabulary");
        return vocabulary;
    }

    /// <summary>One vocabulary from several files (a bad line is reported with its file and line number).</summary>
    public static JobVocabulary ParseFiles(IEnumerable<string> files)
    {
        var vocabulary = new JobVocabulary();
        foreach (var file in files) vocabulary.AddRules(File.ReadLines(file), Path.GetFileName(file));
        return vocabulary;
    }

    private void AddRules(IEnumerable<string> lines, string source)
    {
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length < 2) throw new InvalidDataException($"{source} line {lineNumber}: expected 'phrase<TAB>replacement|…'.");
            var phrase = TitleNormalizer.Tokens(parts[0]).ToArray();
            var targets = parts[1].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(t => t == "-" ? [] : TitleNormalizer.Tokens(t).ToArray()).Where(t => t.Length > 0 || parts[1].Trim() == "-").ToArray();
            if (phrase.Length == 0 || targets.Length == 0) continue;
            if (!_rulesByFirstToken.TryGetValue(phrase[0], out var rules)) _rulesByFirstToken[phrase[0]] = rules = [];
            rules.Add((phrase, targets));
            RuleCount++;
        }
    }

    /// <summary>
    /// The rewritten forms of <paramref name="tokens"/> (normalised query tokens); empty when no phrase applies. Each
    /// phrase found gives one form per replacement; when several phrases apply at different places ("repasseuse
    /// confection"), one more form replaces each of them by its first replacement, so the everyday words are translated
    /// together.
    /// </summary>
    public List<List<string>> Rewrites(List<string> tokens)
    {
        List<List<string>>? result = null;
        List<(int At, int Length, string[] First)>? matches = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_rulesByFirstToken.TryGetValue(tokens[i], out var rules)) continue;
            foreach (var (source, targets) in rules)
            {
                if (i + source.Length > tokens.Count) continue;
                var match = true;
                for (var k = 1; k < source.Length && match; k++) match = tokens[i + k] == source[k];
                if (!match) continue;
                (matches ??= []).Add((i, source.Length, targets[0]));
                foreach (var target in targets)
                {
                    if (result is { Count: >= MaxRewrites - 1 }) break;
                    var rewritten = Replaced(tokens, [(i, source.Length, target)]);
                    if (rewritten.Count > 0 && !Contains(result, rewritten)) (result ??= []).Add(rewritten);
                }
            }
        }
        if (matches is { Count: > 1 })
        {
            // Longest phrase first at each place, then phrases that do not overlap an earlier one.
            var chosen = new List<(int At, int Length, string[] First)>();
            foreach (var m in matches.OrderByDescending(m => m.Length).ThenBy(m => m.At))
                if (chosen.TrueForAll(c => m.At + m.Length <= c.At || c.At + c.Length <= m.At)) chosen.Add(m);
            if (chosen.Count > 1)
            {
                chosen.Sort((a, b) => a.At.CompareTo(b.At));
                var combined = Replaced(tokens, chosen);
                if (combined.Count > 0 && !Contains(result, combined)) (result ??= []).Add(combined);
            }
        }
        return result ?? [];
    }

    // Two phrases can rewrite to the same words ("chauffeur livreur" and "livreur"); each wording is scored once.
    private static bool Contains(List<List<string>>? rewrites, List<string> tokens) =>
        rewrites is not null && rewrites.Exists(r => r.SequenceEqual(tokens, StringComparer.Ordinal));

    /// <summary><paramref name="tokens"/> with each (position, length) span replaced by its words, without repeating a word.</summary>
    private static List<string> Replaced(List<string> tokens, List<(int At, int Length, string[] With)> spans)
    {
        var rewritten = new List<string>(tokens.Count + 4);
        var next = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (next < spans.Count && spans[next].At == i)
            {
                foreach (var t in spans[next].With) if (!rewritten.Contains(t)) rewritten.Add(t);
                i += spans[next].Length - 1;
                next++;
                continue;
            }
            if (!rewritten.Contains(tokens[i])) rewritten.Add(tokens[i]);
        }
        return rewritten;
    }
}
