using Matching.Core.Linking;

namespace Matching.Core.Tests.Linking;

public class VocabularyTests
{
    [Fact]
    public void A_vocabulary_phrase_is_rewritten_in_place_and_filler_words_dropped()
    {
        var vocabulary = JobVocabulary.Parse(["# comment", "femme de ménage\tagent d'entretien|nettoyeur", "polyvalent\t-"]);
        var rewrites = vocabulary.Rewrites(TitleNormalizer.Tokens("Femme de menage polyvalente"))
            .Select(r => string.Join(' ', r)).ToList();
        static string Normal(string text) => string.Join(' ', TitleNormalizer.Tokens(text));
        Assert.Contains(Normal("agent entretien polyvalent"), rewrites);
        Assert.Contains(Normal("nettoyeur polyvalent"), rewrites);
        Assert.Contains(Normal("femme ménage"), rewrites);
        Assert.Empty(vocabulary.Rewrites(TitleNormalizer.Tokens("plombier")));
    }

    [Fact]
    public void Two_everyday_phrases_in_one_title_are_also_rewritten_together()
    {
        var vocabulary = JobVocabulary.Parse(["repasseur\tpresseur|repasseur", "confection\thabillement", "chef de ligne\tsuperviseur de production"]);
        static string Normal(string text) => string.Join(' ', TitleNormalizer.Tokens(text));
        var rewrites = vocabulary.Rewrites(TitleNormalizer.Tokens("repasseuse confection")).Select(r => string.Join(' ', r)).ToList();
        Assert.Contains(Normal("presseur habillement"), rewrites);
        Assert.Contains(Normal("presseur confection"), rewrites);
        Assert.Contains(Normal("repasseur habillement"), rewrites);
        // The longest phrase wins where two overlap; words kept in order.
        rewrites = vocabulary.Rewrites(TitleNormalizer.Tokens("chef de ligne confection")).Select(r => string.Join(' ', r)).ToList();
        Assert.Contains(Normal("superviseur production habillement"), rewrites);
        // One phrase alone gives no combined form.
        Assert.Equal(2, vocabulary.Rewrites(TitleNormalizer.Tokens("repasseuse")).Count);
    }

    [Theory]
    [InlineData("zelligeur", "tile fitter")]
    [InlineData("piqueuse H/F", "sewing machine operator")]
    [InlineData("tractoriste", "land-based machinery operator")]
    [InlineData("Agent de production", "factory hand")]
    [InlineData("ferrailleur", "structural ironworker")]
    [InlineData("agent de propreté", "building cleaner")]
    [InlineData("chauffeur de camion", "cargo vehicle driver")]
    [InlineData("Chargée de clientèle call center", "call centre agent")]
    [InlineData("Conducteur chariot élévateur", "forklift operator")]
    [InlineData("Commis de salle", "waiter/waitress")]
    [InlineData("Livreur à vélo", "bicycle courier")]
    [InlineData("Contrôleur CND", "non-destructive testing specialist")]
    [InlineData("Télévendeur", "call centre agent")]
    [InlineData("gardien d'immeuble", "building caretaker")]
    [InlineData("Remailleuse", "sewing machinist")]
    [InlineData("Technicien ascensoriste", "lift technician")]
    [InlineData("Gouvernante générale", "housekeeping supervisor")]
    [InlineData("Styliste ongulaire", "manicurist")]
    [InlineData("Babouchier", "shoemaker")]
    [InlineData("Agent hotline", "call centre agent")]
    [InlineData("AESH", "special educational needs assistant")]
    [InlineData("Analyste SOC", "ICT security engineer")]
    [InlineData("Médecin cardiologue", "specialised doctor")]
    [InlineData("Professeur soutien scolaire", "tutor")]
    public void The_shipped_vocabulary_links_job_ad_words(string title, string englishLabel)
    {
        var linker = OccupationLinker.Shared;
        Assert.Equal(englishLabel, linker.Index.Concepts[linker.Index.Search(title, "fr", 1)[0].Concept].DisplayEn);
    }

    [Fact]
    public void The_shipped_vocabulary_rewrites_only_to_words_esco_labels_use()
    {
        var vocabulary = JobVocabulary.Shared;
        Assert.NotNull(vocabulary);
        Assert.True(vocabulary.RuleCount >= 150, $"{vocabulary.RuleCount} rules");
        var unknown = vocabulary.ReplacementWordsUnknownTo(OccupationLinker.Shared.Index);
        Assert.True(unknown.Count == 0, "replacement words no ESCO label uses: " + string.Join(", ", unknown));
    }

    [Fact]
    public void Each_rewritten_wording_is_given_once()
    {
        var vocabulary = JobVocabulary.Parse(["chauffeur livreur\tconducteur livreur", "chauffeur\tconducteur"]);
        var rewrites = vocabulary.Rewrites(TitleNormalizer.Tokens("chauffeur livreur")).Select(r => string.Join(' ', r)).ToList();
        Assert.Equal([string.Join(' ', TitleNormalizer.Tokens("conducteur livreur"))], rewrites);
    }

    [Fact]
    public void The_french_vocabulary_leaves_english_queries_alone()
    {
        Concept[] concepts = [new("urn:van", "van driver"), new("urn:coach", "autobus driver")];
        var indexed = concepts.Select(c => new IndexedConcept(c.Uri, c.Label, c.Label, [new ConceptLabel(c.Label, "en", true)])).ToList();
        var index = new LabelIndex(indexed, vocabulary: JobVocabulary.Parse(["coach\tautobus"]));
        Assert.Equal("urn:coach", indexed[index.Search("coach driver", "fr", 2)[0].Concept].Uri);
        // In English "coach" is not rewritten: both labels share only "driver", and the tie keeps the index order.
        Assert.Equal("urn:van", indexed[index.Search("coach driver", "en", 2)[0].Concept].Uri);
    }

    [Fact]
    public void The_vocabulary_links_an_everyday_word_to_the_esco_wording()
    {
        Concept[] concepts = [new("urn:cleaner", "agent d'entretien d'immeubles"), new("urn:maid", "femme de chambre")];
        var indexed = concepts.Select(c => new IndexedConcept(c.Uri, c.Label, c.Label, [new ConceptLabel(c.Label, "fr", true)])).ToList();
        var vocabulary = JobVocabulary.Parse(["femme de ménage\tagent d'entretien"]);
        var with = new LabelIndex(indexed, vocabulary: vocabulary);
        var without = new LabelIndex(indexed);
        Assert.Equal("urn:cleaner", indexed[with.Search("femme de ménage", "fr", 2)[0].Concept].Uri);
        Assert.Equal("urn:maid", indexed[without.Search("femme de ménage", "fr", 2)[0].Concept].Uri);
    }

    [Fact]
    public void One_word_substitutions_seen_in_two_concepts_become_synonyms()
    {
        List<IndexedConcept> concepts =
        [
            Labelled("urn:a", "opérateur de saisie", "agent de saisie"),
            Labelled("urn:b", "opérateur de tri", "agent de tri"),
            Labelled("urn:c", "conducteur de bus", "chauffeur de bus"),
        ];
        var synonyms = LabelSynonyms.Learn(concepts);
        Assert.Contains(synonyms["agent"], s => s.Token == "operateur");
        Assert.False(synonyms.ContainsKey("chauffeur")); // seen in one concept only
    }

    [Fact]
    public void Sector_files_add_their_rules_and_a_bad_line_names_its_file()
    {
        var folder = Directory.CreateTempSubdirectory("vocabulary-");
        try
        {
            var main = Path.Combine(folder.FullName, "job-vocabulary-fr.tsv");
            var sector = Path.Combine(folder.FullName, "job-vocabulary-fr-services.tsv");
            File.WriteAllLines(main, ["# main", "vigile\tagent de sécurité"]);
            File.WriteAllLines(sector, ["# services", "garçon de café\tserveur"]);
            var vocabulary = JobVocabulary.ParseFiles([main, sector]);
            Assert.Equal(2, vocabulary.RuleCount);
            Assert.Contains(vocabulary.Rewrites(TitleNormalizer.Tokens("garçon de café")), r => r.SequenceEqual(TitleNormalizer.Tokens("serveur")));

            File.AppendAllLines(sector, ["plongeur sans tabulation"]);
            var error = Assert.Throws<InvalidDataException>(() => JobVocabulary.ParseFiles([main, sector]));
            Assert.Contains("job-vocabulary-fr-services.tsv line 3", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void The_shipped_sector_files_are_loaded()
    {
        Assert.Contains(JobVocabulary.JobFiles, f => Path.GetFileName(f) == "job-vocabulary-fr.tsv");
        Assert.True(JobVocabulary.JobFiles.Count > 1, string.Join(", ", JobVocabulary.JobFiles));
        var mainOnly = JobVocabulary.ParseFiles([JobVocabulary.DefaultFile]);
        Assert.True(JobVocabulary.Shared!.RuleCount > mainOnly.RuleCount);
    }

    [Theory]
    [InlineData("job")]
    [InlineData("skill")]
    public void Each_phrase_is_defined_once_across_the_shipped_files(string kind)
    {
        var vocabulary = kind == "job" ? JobVocabulary.Shared : JobVocabulary.SharedSkills;
        var twice = vocabulary!.Rules.GroupBy(r => string.Join(' ', r.Source), StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, "phrases defined more than once (merge their replacements into one line): " + string.Join(", ", twice));
    }

    [Fact]
    public void English_words_of_french_titles_are_read_through_translations_learned_from_paired_labels()
    {
        List<IndexedConcept> concepts =
        [
            Bilingual("urn:process-tech", "technicien en ingénierie des procédés", "process engineering technician"),
            Bilingual("urn:process-op", "opérateur de procédés chimiques", "chemical process operator"),
            Bilingual("urn:process-eng", "ingénieur des procédés", "process engineer"),
            Bilingual("urn:production-tech", "technicien en ingénierie de la production", "production engineering technician"),
            Bilingual("urn:service-agent", "agent de service", "service agent"),
            Bilingual("urn:service-clerk", "employé de service", "service clerk"),
            Bilingual("urn:service-head", "chef de service", "service manager"),
        ];
        var with = new LabelIndex(concepts);
        var without = new LabelIndex(concepts, new ScoreWeights { LearnedTranslations = false });
        var withTranslations = with.Search("technicien process", "fr", 3)[0];
        Assert.Equal("urn:process-tech", concepts[withTranslations.Concept].Uri);
        // Without them only the English label half-matches (French "technicien" against "technician").
        var withoutTranslations = without.Search("technicien process", "fr", 7).First(h => concepts[h.Concept].Uri == "urn:process-tech");
        Assert.True(withTranslations.Score > withoutTranslations.Score + 0.05f, $"{withTranslations.Score} vs {withoutTranslations.Score}");
        // "service" is French as well: it keeps its French meaning instead of being translated.
        var translations = LabelTranslations.Learn(concepts.Select(c => (IReadOnlyList<(string, bool, List<string>)>)
            c.Labels.Select(l => (l.Lang, l.Preferred, TitleNormalizer.Tokens(l.Text))).ToList()).ToList());
        Assert.Contains(translations["process"], t => t.Token == TitleNormalizer.Stem("procedes"));
        Assert.False(translations.ContainsKey("service"));
    }

    private static IndexedConcept Bilingual(string uri, string fr, string en) =>
        new(uri, fr, en, [new ConceptLabel(fr, "fr", true), new ConceptLabel(en, "en", true)]);

    private sealed record Concept(string Uri, string Label);

    private static IndexedConcept Labelled(string uri, string pref, params string[] alt) =>
        new(uri, pref, pref, [new ConceptLabel(pref, "fr", true), .. alt.Select(a => new ConceptLabel(a, "fr", false))]);
}
