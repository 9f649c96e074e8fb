namespace Matching.Core.Linking;

/// <summary>
/// Hand-written French job vocabulary (<c>Linking/Vocabulary/job-vocabulary-fr.tsv</c>): everyday words for a job
/// ("femme de ménage", "gardien", "téléconseiller") rewritten to the words ESCO labels use. A query containing a phrase
/// is also scored in each rewritten form; the best wording wins per concept. Immutable and thread-safe.
/// </summary>
internal sealed class JobVocabulary
{
    private const int MaxRewrites = 8;
    private readonly Dictionary<string, List<(string[] Source, string[][] Targets)>> _rulesByFirstToken = new(StringComparer.Ordinal);

    /// <summary>Where the shipped vocabulary is looked for, next to the assemblies.</summary>
    public static string DefaultFile => Path.Combine(AppContext.BaseDirectory, "Linking", "Vocabulary", "job-vocabulary-fr.tsv");

    private static readonly Lazy<JobVocabulary?> SharedInstance = new(() => File.Exists(DefaultFile) ? Parse(File.ReadLines(DefaultFile)) : null);

    /// <summary>The shipped vocabulary, or null when the file is missing.</summary>
    public static JobVocabulary? Shared => SharedInstance.Value;

    public int RuleCount { get; private set; }

    /// <summary>Reads "phrase TAB replacement|replacement…" lines; '#' starts a comment line.</summary>
    public static JobVocabulary Parse(IEnumerable<string> lines)
    {
        var vocabulary = new JobVocabulary();
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            var parts = line.Split('\t');
            if (parts.Length < 2) throw new InvalidDataException($"job vocabulary line {lineNumber}: expected 'phrase<TAB>replacement|…'.");
            var source = TitleNormalizer.Tokens(parts[0]).ToArray();
            var targets = parts[1].Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(t => t == "-" ? [] : TitleNormalizer.Tokens(t).ToArray()).Where(t => t.Length > 0 || parts[1].Trim() == "-").ToArray();
            if (source.Length == 0 || targets.Length == 0) continue;
            if (!vocabulary._rulesByFirstToken.TryGetValue(source[0], out var rules)) vocabulary._rulesByFirstToken[source[0]] = rules = [];
            rules.Add((source, targets));
            vocabulary.RuleCount++;
        }
        return vocabulary;
    }

    /// <summary>The rewritten forms of <paramref name="tokens"/> (normalised query tokens); empty when no phrase applies.</summary>
    public List<List<string>> Rewrites(List<string> tokens)
    {
        List<List<string>>? result = null;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!_rulesByFirstToken.TryGetValue(tokens[i], out var rules)) continue;
            foreach (var (source, targets) in rules)
            {
                if (i + source.Length > tokens.Count) continue;
                var match = true;
                for (var k = 1; k < source.Length && match; k++) match = tokens[i + k] == source[k];
                if (!match) continue;
                foreach (var target in targets)
                {
                    var rewritten = new List<string>(tokens.Count + target.Length);
                    rewritten.AddRange(tokens.Take(i));
                    foreach (var t in target) if (!rewritten.Contains(t)) rewritten.Add(t);
                    foreach (var t in tokens.Skip(i + source.Length)) if (!rewritten.Contains(t)) rewritten.Add(t);
                    if (rewritten.Count == 0) continue;
                    (result ??= []).Add(rewritten);
                    if (result.Count >= MaxRewrites) return result;
                }
            }
        }
        return result ?? [];
    }
}
