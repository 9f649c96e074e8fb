using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Matching.Core.Linking;

/// <summary>
/// Turns a job title or skill phrase as people write it into comparable tokens: lower case without accents,
/// elisions and stop words dropped, gendered writings folded to one form ("vendeur/vendeuse", "agent(e)",
/// "employé·e", "x/xe"), plurals and feminine endings stemmed, common abbreviations expanded ("resp." →
/// responsable, "BTP" → bâtiment travaux publics). The same function is applied to ESCO labels and to queries,
/// so it only has to be consistent, not linguistically exact.
/// </summary>
public static partial class TitleNormalizer
{
    // Not "son": in job titles it is the noun ("opérateur du son", "technicien son"), and dropping it turned those labels
    // into bare "opérateur"/"technicien", which then matched every "opérateur X" query in full.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "de", "du", "des", "la", "le", "les", "un", "une", "en", "et", "ou", "a", "au", "aux", "pour", "sur", "dans",
        "par", "avec", "d", "l", "qu", "j", "n", "s", "c", "m", "t", "se", "sa", "ses", "leur", "leurs",
        "of", "the", "and", "or", "in", "for", "on", "with", "to", "an", "at", "by", "from",
    };

    // Abbreviations seen in Moroccan job ads and CVs; keys are already lower case without accents or dots.
    private static readonly Dictionary<string, string[]> Abbreviations = new(StringComparer.Ordinal)
    {
        ["resp"] = ["responsable"], ["respo"] = ["responsable"], ["rsp"] = ["responsable"],
        ["tech"] = ["technicien"], ["techn"] = ["technicien"], ["tec"] = ["technicien"],
        ["agt"] = ["agent"], ["agnt"] = ["agent"],
        ["btp"] = ["batiment", "travaux", "publics"],
        ["rh"] = ["ressources", "humaines"], ["grh"] = ["gestion", "ressources", "humaines"], ["drh"] = ["directeur", "ressources", "humaines"],
        ["ass"] = ["assistant"], ["asst"] = ["assistant"], ["assist"] = ["assistant"],
        ["ing"] = ["ingenieur"], ["ingr"] = ["ingenieur"],
        ["dev"] = ["developpeur"], ["devel"] = ["developpeur"],
        ["info"] = ["informatique"], ["inform"] = ["informatique"],
        ["admin"] = ["administratif"], ["adm"] = ["administratif"], ["administ"] = ["administratif"],
        ["compta"] = ["comptable"], ["cpt"] = ["comptable"],
        ["secr"] = ["secretaire"], ["secret"] = ["secretaire"],
        ["dir"] = ["directeur"], ["dg"] = ["directeur", "general"],
        ["ouv"] = ["ouvrier"], ["opr"] = ["operateur"], ["oper"] = ["operateur"],
        ["maint"] = ["maintenance"], ["mnt"] = ["maintenance"],
        ["commerc"] = ["commercial"], ["comm"] = ["commercial"], ["cial"] = ["commercial"],
        ["pl"] = ["poids", "lourd"], ["vl"] = ["vehicule", "leger"],
        ["elec"] = ["electricien"], ["electr"] = ["electricien"],
        ["mec"] = ["mecanicien"], ["meca"] = ["mecanicien"],
        ["chauf"] = ["chauffeur"],
        ["serv"] = ["service"],
        ["qhse"] = ["qualite", "hygiene", "securite", "environnement"], ["hse"] = ["hygiene", "securite", "environnement"],
        ["tic"] = ["informatique"],
        ["sav"] = ["service", "apres", "vente"],
        ["maths"] = ["mathematiques"], ["math"] = ["mathematiques"], ["philo"] = ["philosophie"], ["svt"] = ["sciences", "vie", "terre"],
    };

    /// <summary>Lower case, accents removed, typographic apostrophes and ligatures folded, gender markers removed.</summary>
    public static string Fold(string text)
    {
        var lower = text.Trim().ToLowerInvariant();
        var decomposed = lower.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            switch (c)
            {
                case 'œ': sb.Append("oe"); break;
                case 'æ': sb.Append("ae"); break;
                case '’' or '‘' or '`' or 'ʼ' or '´': sb.Append('\''); break;
                case '–' or '—' or '‐': sb.Append('-'); break;
                case 'ß': sb.Append("ss"); break;
                default: sb.Append(c); break;
            }
        }
        var folded = sb.ToString();
        // "agent(e)", "vendeur(se)", "employé·e", "agent.e", "salarié-e", "agent/e", "chauffeur/euse": drop the marker.
        // The regexes only run when their marker character is present: most labels have none (index build time).
        if (folded.Contains('(')) folded = GenderSuffixInParentheses().Replace(folded, "");
        if (folded.AsSpan().IndexOfAny("·•.-") >= 0) folded = GenderSuffixAfterDot().Replace(folded, "");
        if (folded.Contains('/')) folded = GenderSuffixAfterSlash().Replace(folded, "");
        return folded;
    }

    /// <summary>
    /// The comparable tokens of <paramref name="text"/>, in order, without duplicates (so "accrocheur / accrocheuse"
    /// is one token).
    /// </summary>
    public static List<string> Tokens(string text)
    {
        var result = new List<string>(8);
        AppendTokens(text, result);
        return result;
    }

    // Words of job-ad titles that say nothing about the occupation: gender tags ("H/F"), contract, seniority, languages,
    // the Moroccan cities ads are posted in, and ad wording. Stripped from queries only (ESCO labels never rely on them), and only
    // while some other word remains. "polyvalent" is kept: ESCO uses it ("infirmier polyvalent").
    private static readonly HashSet<string> QueryNoise = new[]
    {
        "h", "f", "hf", "fh", "cdi", "cdd", "anapec", "stagiaire", "urgent",
        "junior", "senior", "confirme", "experimente", "debutant", "bilingue", "trilingue", "francophone", "anglophone",
        "maroc", "morocco", "casablanca", "casa", "rabat", "tanger", "tangier", "marrakech",
        "fes", "fez", "meknes", "agadir", "kenitra", "oujda", "tetouan", "mohammedia", "jadida", "safi", "nador",
        "laayoune", "dakhla", "mellal", "khouribga", "settat", "larache", "berrechid", "essaouira", "ouarzazate", "temara",
        "skhirat", "benslimane", "taroudant", "tiznit", "guelmim", "errachidia", "ifrane", "khenifra", "taza", "berkane",
        "hoceima", "chefchaouen", "asilah", "bouskoura", "nouaceur", "tamesna", "martil", "fnideq", "youssoufia", "benguerir",
        // Ad wording around the title ("recrute", "profil sérieux et motivé", "2 ans", "temps partiel", "intérim"); words
        // that ESCO labels use ("emploi", "poste", "offre", "recrutement", "plein") are not listed.
        "recrute", "cherche", "profil", "motive", "dynamique", "serieux", "immediat", "immediatement", "interim", "freelance",
        "alternance", "an", "ans", "annee", "mois", "partiel",
    }.Select(Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The tokens of a typed query (<see cref="Tokens"/>) without the noise of job-ad titles: "H/F", "CDI", "confirmé",
    /// "junior", "bilingue", city names. Keeps everything when nothing else would remain.
    /// </summary>
    public static List<string> QueryTokens(string text)
    {
        var tokens = Tokens(text);
        var kept = tokens.FindAll(t => !QueryNoise.Contains(t));
        return kept.Count > 0 ? kept : tokens;
    }

    private static readonly System.Buffers.SearchValues<char> PartSeparatorChars = System.Buffers.SearchValues.Create("/-–—+,|&");

    /// <summary>
    /// The parts of a title naming several jobs ("Magasinier – Cariste", "Caissier / vendeur"): the query tokens of each
    /// piece between separators (" / ", " - ", " – ", " + ", ", ", or a slash between two words), noise-only pieces
    /// dropped; a bare job word before the last part gets the last part's complement. Empty when the text has fewer than two
    /// such parts. "H/F" and gender endings ("vendeur/euse") are not separators.
    /// </summary>
    public static List<List<string>> QueryParts(string text)
    {
        if (text.AsSpan().IndexOfAny(PartSeparatorChars) < 0) return [];
        var pieces = JobSeparator().Split(Fold(text));
        if (pieces.Length < 2) return [];
        var parts = new List<List<string>>(pieces.Length);
        foreach (var piece in pieces)
        {
            var tokens = Tokens(piece);
            tokens.RemoveAll(QueryNoise.Contains);
            if (tokens.Count > 0) parts.Add(tokens);
        }
        if (parts.Count < 2) return [];
        // "Repasseuse / finisseuse atelier confection": a bare job word before the last part shares its complement.
        var complement = parts[^1].Skip(1).ToList();
        for (var i = 0; i < parts.Count - 1; i++)
            if (parts[i].Count == 1)
                foreach (var t in complement) if (!parts[i].Contains(t)) parts[i].Add(t);
        return parts;
    }

    /// <summary>Appends the comparable tokens of <paramref name="text"/> to <paramref name="result"/> (no duplicates).</summary>
    public static void AppendTokens(string text, List<string> result)
    {
        // Arabic-script titles have their own rules (article, ta marbuta, alef forms); Latin words in them come back here.
        if (ArabicNormalizer.ContainsArabic(text)) { ArabicNormalizer.AppendTokens(text, result); return; }
        var folded = Fold(text);
        var span = folded.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            while (i < span.Length && !char.IsLetterOrDigit(span[i])) i++;
            var start = i;
            while (i < span.Length && char.IsLetterOrDigit(span[i])) i++;
            if (i == start) continue;
            var raw = span[start..i].ToString();
            // An elision glued by an apostrophe ("l'agent") arrives as two tokens "l" and "agent": "l" is a stop word.
            if (Abbreviations.TryGetValue(raw, out var expansion))
            {
                foreach (var e in expansion) AddStemmed(e, result);
                continue;
            }
            if (StopWords.Contains(raw)) continue;
            AddStemmed(raw, result);
        }
    }

    private static void AddStemmed(string token, List<string> result)
    {
        var stem = Stem(token);
        if (stem.Length == 0 || result.Contains(stem)) return;
        result.Add(stem);
    }

    /// <summary>
    /// Folds plural and feminine endings to one stem: vendeuses → vendeur, directrice → directeur, boulangère →
    /// boulanger, technicienne → technicien, maçonne → macon, agente → agent. Numbers and short words are kept.
    /// </summary>
    public static string Stem(string token)
    {
        var t = token;
        if (t.Length <= 3 || char.IsDigit(t[0])) return t;
        if ((t.EndsWith('s') || t.EndsWith('x')) && !t.EndsWith("ss", StringComparison.Ordinal)) t = t[..^1];
        if (t.Length <= 3) return t;
        if (t.EndsWith("euse", StringComparison.Ordinal)) return t[..^4] + "eur";
        if (t.EndsWith("trice", StringComparison.Ordinal)) return t[..^5] + "teur";
        if (t.EndsWith("ere", StringComparison.Ordinal)) return t[..^3] + "er";
        if (t.EndsWith("ienne", StringComparison.Ordinal)) return t[..^5] + "ien";
        if (t.EndsWith("enne", StringComparison.Ordinal)) return t[..^4] + "en";
        if (t.EndsWith("onne", StringComparison.Ordinal)) return t[..^4] + "on";
        if (t.EndsWith("ette", StringComparison.Ordinal)) return t[..^4] + "et";
        if (t.EndsWith("elle", StringComparison.Ordinal)) return t[..^4] + "el";
        if (t.EndsWith("ive", StringComparison.Ordinal)) return t[..^3] + "if";
        // Feminine of a past participle: "chargée" must meet "chargé", which loses its final e below.
        if (t.EndsWith("ee", StringComparison.Ordinal)) return t[..^2];
        if (t.EndsWith('e') && t.Length > 4) return t[..^1];
        return t;
    }

    [GeneratedRegex(@"\s+[/\-+|&]\s+|\s*,\s*|(?<=\p{L}{3})\s*/\s*(?=\p{L}{3})", RegexOptions.CultureInvariant)]
    private static partial Regex JobSeparator();

    [GeneratedRegex(@"(?<=\p{L})\((e|es|s|se|ses|euse|euses|rice|trice|ne|nne|le|lle|ere|ère|ice|ve)\)", RegexOptions.CultureInvariant)]
    private static partial Regex GenderSuffixInParentheses();

    [GeneratedRegex(@"(?<=\p{L})[·•.\-](e|es|se|euse|rice|trice|ne|nne|le|lle|ere|ice|ve)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex GenderSuffixAfterDot();

    [GeneratedRegex(@"(?<=\p{L})\s*/\s*-?(e|es|se|euse|rice|trice|ne|nne|le|lle|ere|ice|ve)(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex GenderSuffixAfterSlash();
}
