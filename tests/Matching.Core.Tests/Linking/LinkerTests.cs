using Matching.Core.Linking;

namespace Matching.Core.Tests.Linking;

public class LinkerTests
{
    private const string Plumber = "urn:plumber", Electrician = "urn:electrician", BuildingElectrician = "urn:building-electrician",
        Welder = "urn:welder", Cashier = "urn:cashier";

    private static readonly LabelIndex Small = new(
    [
        Concept(Plumber, "plombier/plombière", "plumber", "plombier chauffagiste"),
        Concept(Electrician, "électricien/électricienne", "electrician"),
        Concept(BuildingElectrician, "électricien du bâtiment/électricienne du bâtiment", "building electrician"),
        Concept(Welder, "soudeur/soudeuse", "welder"),
        Concept(Cashier, "hôte de caisse/hôtesse de caisse", "cashier", "caissier", "caissière"),
    ]);

    private static IndexedConcept Concept(string uri, string prefFr, string prefEn, params string[] altFr) =>
        new(uri, prefFr, prefEn,
            [new ConceptLabel(prefFr, "fr", true), new ConceptLabel(prefEn, "en", true), .. altFr.Select(a => new ConceptLabel(a, "fr", false))]);

    private static string First(string query) => Small.Concepts[Small.Search(query, "fr", 5)[0].Concept].Uri;

    [Theory]
    [InlineData("Cuisinier chaud (H/F) - restaurant Marrakech")]
    [InlineData("Cuisinier chaud – restaurant")]
    public void Workplace_words_after_a_dash_do_not_outweigh_the_job(string title)
    {
        var index = new LabelIndex(
        [
            Concept("urn:cook", "cuisinier/cuisinière", "cook"),
            Concept("urn:restaurant-manager", "gérant de restaurant/gérante de restaurant", "restaurant manager", "responsable des services de restauration"),
            Concept("urn:hot-press", "opérateur d'estampage à chaud", "hot stamping operator"),
        ]);
        Assert.Equal("urn:cook", index.Concepts[index.Search(title, "fr", 3)[0].Concept].Uri);
    }

    [Theory]
    [InlineData("plombeir", Plumber)]        // transposition
    [InlineData("soudur", Welder)]           // missing letter
    [InlineData("electricein batiment", BuildingElectrician)]
    [InlineData("caisiere", Cashier)]
    public void Tolerates_typos(string query, string expected) => Assert.Equal(expected, First(query));

    [Theory]
    [InlineData("Soudeur / Soudeuse", Welder)]
    [InlineData("caissières", Cashier)]
    [InlineData("electricien", Electrician)]
    [InlineData("électricien bâtiment", BuildingElectrician)]
    public void Ranks_the_closest_concept_first(string query, string expected) => Assert.Equal(expected, First(query));

    [Fact]
    public void Scores_are_confidences_with_an_exact_preferred_label_near_one()
    {
        var hits = Small.Search("plombier", "fr", 5);
        Assert.InRange(hits[0].Score, 0.9f, 1f);
        Assert.All(hits, h => Assert.InRange(h.Score, 0f, 1f));
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Theory]
    [InlineData("poseur de carrelage", "urn:tiler")]
    [InlineData("agent de plomberie", "urn:plumber")]
    [InlineData("ouvrier en maçonnerie", "urn:mason")]
    [InlineData("responsable formation", "urn:trainer")]
    public void An_activity_noun_finds_the_people_who_do_it(string query, string expected)
    {
        var index = new LabelIndex(
        [
            Concept("urn:tiler", "carreleur/carreleuse", "tile fitter"),
            Concept("urn:carpet", "poseur de moquette/poseuse de moquette", "carpet fitter"),
            Concept("urn:plumber", "plombier/plombière", "plumber"),
            Concept("urn:agent", "agent de sécurité", "security guard"),
            Concept("urn:mason", "maçon/maçonne", "bricklayer"),
            Concept("urn:worker", "ouvrier agricole", "crop production worker"),
            Concept("urn:trainer", "formateur/formatrice", "trainer"),
            Concept("urn:manager", "responsable de magasin", "shop supervisor"),
            // The everyday words of the queries are common in labels, as in ESCO, so the activity word decides.
            Concept("urn:parquet", "poseur de parquet", "parquet layer"), Concept("urn:tiles", "poseur de dalles", "slab layer"),
            Concept("urn:sorter", "agent de tri", "sorter"), Concept("urn:cleaner", "agent d'entretien", "cleaner"),
            Concept("urn:site", "ouvrier de chantier", "building worker"), Concept("urn:factory", "ouvrier d'usine", "factory hand"),
            Concept("urn:shelf", "responsable de rayon", "department manager"), Concept("urn:hr", "responsable RH", "HR manager"),
        ]);
        Assert.Equal(expected, index.Concepts[index.Search(query, "fr", 3)[0].Concept].Uri);
    }

    [Theory]
    [InlineData("technicien helpdesk", "urn:helpdesk-agent")]
    [InlineData("responsable helpdesk", "urn:helpdesk-head")]
    [InlineData("chef service helpdesk", "urn:helpdesk-head")]
    public void A_management_title_needs_a_management_word_in_the_query(string query, string expected)
    {
        var index = new LabelIndex(
        [
            Concept("urn:helpdesk-head", "responsable du service helpdesk", "help desk manager"),
            Concept("urn:helpdesk-agent", "agent de service helpdesk", "help desk agent"),
            // "agent" and "responsable" equally common, so only the management word tells the two apart.
            Concept("urn:guard", "agent de sécurité", "security guard"), Concept("urn:shop", "responsable de magasin", "shop manager"),
        ]);
        Assert.Equal(expected, index.Concepts[index.Search(query, "fr", 3)[0].Concept].Uri);
    }

    [Theory]
    [InlineData("Magasinier – Cariste", "urn:storekeeper", "urn:forklift")]
    [InlineData("Cariste / magasinier", "urn:forklift", "urn:storekeeper")]
    [InlineData("Caissier/vendeur", "urn:cashier", "urn:seller")]
    public void A_title_naming_two_jobs_ranks_both_first_the_one_named_first(string query, string first, string second)
    {
        var index = new LabelIndex(
        [
            Concept("urn:storekeeper", "magasinier/magasinière", "warehouse worker"),
            Concept("urn:forklift", "cariste", "forklift operator"),
            Concept("urn:cashier", "caissier/caissière", "cashier"),
            Concept("urn:seller", "vendeur/vendeuse", "shop assistant"),
            // Labels sharing a word with both jobs at once, which a whole-title match alone would prefer.
            Concept("urn:both", "magasinier vendeur caissier", "storekeeper seller"),
            Concept("urn:mixed", "magasinier cariste de nuit en entrepôt frigorifique", "cold store worker"),
        ]);
        var hits = index.Search(query, "fr", 3).Select(h => index.Concepts[h.Concept].Uri).ToList();
        Assert.Equal([first, second], hits.Take(2));
    }

    [Fact]
    public void A_query_that_several_narrower_occupations_match_alike_names_the_broad_one()
    {
        IndexedConcept Coded(string uri, string label, string code) => Concept(uri, label, uri) with { Code = code };
        List<IndexedConcept> concepts =
        [
            Coded("urn:fish", "technicien qualité en aquaculture", "3142.1.1"),
            Coded("urn:leather", "technicien qualité en maroquinerie", "3119.16.4"),
            Coded("urn:textile", "technicien qualité en textile", "3119.16.6"),
            Coded("urn:shoes", "technicien qualité en chaussure", "3119.16.2"),
            // Last, so that without the bonus a tie goes to a narrower concept.
            Coded("urn:broad", "technicien en ingénierie de la qualité", "3119.16"),
        ];
        string First(LabelIndex index, string query) => index.Concepts[index.Search(query, "fr", 3)[0].Concept].Uri;
        Assert.Equal("urn:broad", First(new LabelIndex(concepts), "technicien qualité"));
        Assert.NotEqual("urn:broad", First(new LabelIndex(concepts, new ScoreWeights { GenericBonus = 0 }), "technicien qualité"));
        // A query naming one specialisation keeps it first.
        Assert.Equal("urn:leather", First(new LabelIndex(concepts), "technicien qualité maroquinerie"));
    }

    [Fact]
    public void A_label_matching_only_a_modifier_of_the_title_is_marked_down_against_one_holding_its_head_noun()
    {
        List<IndexedConcept> concepts =
        [
            Concept("urn:general", "officier général", "urn:general"),
            Concept("urn:housekeeper", "maison gouvernante", "urn:housekeeper"),
        ];
        // How far the label holding the head noun ("gouvernante") leads the one matching only the modifier ("générale").
        float Lead(LabelIndex index)
        {
            var scores = index.Search("gouvernante générale", "fr", 2).ToDictionary(r => index.Concepts[r.Concept].Uri, r => r.Score);
            return scores["urn:housekeeper"] - scores["urn:general"];
        }
        var withRule = Lead(new LabelIndex(concepts));
        var withoutRule = Lead(new LabelIndex(concepts, new ScoreWeights { HeadMissing = 0 }));
        Assert.True(withRule > withoutRule + 0.005f, $"lead {withRule:F3} with the head-noun rule, {withoutRule:F3} without");
        // A one-word title has no modifier: nothing is marked down.
        var single = new LabelIndex(concepts).Search("générale", "fr", 2);
        Assert.Equal(single[0].Score, new LabelIndex(concepts, new ScoreWeights { HeadMissing = 0 }).Search("générale", "fr", 2)[0].Score);
    }

    [Fact]
    public void Blank_text_and_unknown_words_give_no_results()
    {
        Assert.Empty(Small.Search("   ", "fr", 5));
        Assert.Empty(Small.Search("zzqxw", "fr", 5));
    }

    [Fact]
    public void Rejects_an_unknown_language()
    {
        Assert.Throws<ArgumentException>(() => OccupationLinkerOverShippedData.Value.Link("plombier", "de", 5));
    }

    [Theory]
    [InlineData("Accrocheur / Accrocheuse", "41d4be58-3111-48b5-814a-83117983dd16")]
    [InlineData("electricien batiment", "33960bab-4423-4808-af6c-ec2b485dba41")]
    [InlineData("chauffeur poids lourd", "45037d43-a8f5-4f46-b332-b2935bc305f4")]
    [InlineData("soudeur", "7aedaa07-3884-4c5b-88f9-80997b2aa54b")]
    public void Links_real_titles_to_esco(string title, string uuid)
    {
        var hits = OccupationLinkerOverShippedData.Value.Link(title, "fr", 3);
        Assert.Equal("http://data.europa.eu/esco/occupation/" + uuid, hits[0].Uri);
    }

    [Fact]
    public void Is_safe_to_query_from_many_threads()
    {
        var linker = OccupationLinkerOverShippedData.Value;
        string[] titles = ["plombier", "agent de saisie", "serveuse", "maçon coffreur", "cuisinier", "développeur web"];
        var expected = titles.Select(t => string.Join(',', linker.Link(t, "fr", 5).Select(h => h.Uri))).ToArray();
        Parallel.For(0, 400, i =>
        {
            var t = i % titles.Length;
            Assert.Equal(expected[t], string.Join(',', linker.Link(titles[t], "fr", 5).Select(h => h.Uri)));
        });
    }

    [Fact]
    public void Realistic_sets_are_disjoint_and_answer_with_shipped_occupations()
    {
        var dev = LinkingEvaluation.ReadRealisticOccupations();
        var test = LinkingEvaluation.ReadRealisticOccupations(LinkingEvaluation.RealisticOccupationsTestFile);
        var dev2 = LinkingEvaluation.ReadRealisticOccupations(LinkingEvaluation.RealisticOccupationsDev2File)
            .Concat(LinkingEvaluation.ReadRealisticOccupations(LinkingEvaluation.RealisticOccupationsDev3File))
            .Concat(LinkingEvaluation.ReadRealisticOccupations(LinkingEvaluation.RealisticOccupationsDev4File)).ToList();
        Assert.True(test.Count >= 80, $"the test set has {test.Count} titles");
        Assert.True(dev2.Count >= 180, $"the dev2, dev3 and dev4 sets have {dev2.Count} titles");
        var devTitles = dev.Select(q => q.Text.ToLowerInvariant()).ToHashSet();
        Assert.DoesNotContain(test, q => devTitles.Contains(q.Text.ToLowerInvariant()));
        var earlierTitles = devTitles.Concat(test.Select(q => q.Text.ToLowerInvariant())).ToHashSet();
        Assert.DoesNotContain(dev2, q => earlierTitles.Contains(q.Text.ToLowerInvariant()));
        var known = Matching.Core.Reference.EscoTaxonomy.LoadOccupations().Select(o => o.Uri).ToHashSet();
        Assert.All(dev.Concat(test).Concat(dev2), q => Assert.All(q.Accepted, uri => Assert.Contains(uri, known)));
    }

    private static readonly Lazy<OccupationLinker> OccupationLinkerOverShippedData =
        new(() => OccupationLinker.FromOccupations(Matching.Core.Reference.EscoTaxonomy.LoadOccupations()));

    private static readonly LabelIndex Trades = new(
    [
        Concept("urn:pastry-chef", "pâtissier/pâtissière", "pastry chef"),
        Concept("urn:art-director", "directeur artistique/directrice artistique", "art director"),
        Concept("urn:carpenter", "charpentier/charpentière", "carpenter", "menuisier", "menuisière"),
        Concept("urn:stair-installer", "installateur d'escalier", "stair installer", "menuisier escaliéteur"),
        Concept("urn:driver", "chauffeur de taxi/chauffeuse de taxi", "taxi driver"),
        Concept("urn:measurer", "coteur/coteuse", "measurer"),
        Concept("urn:saddler", "sellier/sellière", "saddler"),
        Concept("urn:cellar", "ouvrier de cellier/ouvrière de cellier", "cellar worker"),
    ]);

    [Theory]
    [InlineData("patisié", "urn:pastry-chef")]
    [InlineData("menuisié", "urn:carpenter")]
    [InlineData("chofeur", "urn:driver")]
    public void Reads_words_written_by_ear(string query, string expected) =>
        Assert.Equal(expected, Trades.Concepts[Trades.Search(query, "fr", 3)[0].Concept].Uri);

    [Fact]
    public void A_correctly_spelled_word_keeps_its_own_concept_before_a_sound_alike()
    {
        var hits = Trades.Search("sellier", "fr", 3);
        Assert.Equal("urn:saddler", Trades.Concepts[hits[0].Concept].Uri);
        Assert.InRange(hits[0].Score, 0.9f, 1f);
    }

    [Fact]
    public void A_job_vocabulary_word_written_by_ear_is_rewritten_like_the_word()
    {
        var index = new LabelIndex(
        [
            Concept("urn:call-centre", "agent de centre d'appels/agente de centre d'appels", "call centre agent", "téléopérateur"),
            Concept("urn:employment-adviser", "conseiller offre de services/conseillère offre de services", "employment adviser"),
        ], vocabulary: JobVocabulary.Parse(["téléconseiller\tagent de centre d'appels|téléopérateur"]));
        Assert.Equal("urn:call-centre", index.Concepts[index.Search("téléconseillé", "fr", 2)[0].Concept].Uri);
    }
}
