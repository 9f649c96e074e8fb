using Matching.Core.Linking;

namespace Matching.Core.Tests.Linking;

public class SkillLinkerTests
{
    private const string SkillPrefix = "http://data.europa.eu/esco/skill/";

    [Fact]
    public void The_realistic_skill_set_answers_with_shipped_skills()
    {
        var phrases = LinkingEvaluation.ReadRealisticSkills();
        Assert.True(phrases.Count >= 60, $"the skill dev set has {phrases.Count} phrases");
        Assert.Equal(phrases.Count, phrases.Select(q => q.Text.ToLowerInvariant()).Distinct().Count());
        var known = Matching.Core.Reference.EscoTaxonomy.Load().Skills.Select(s => s.Uri).ToHashSet();
        Assert.All(phrases, q => Assert.All(q.Accepted, uri => Assert.Contains(uri, known)));
    }

    [Theory]
    [InlineData("je sais faire le ménage", "ménage")]
    [InlineData("j'ai travaillé comme soudeur", "soudeur")]
    [InlineData("expérience en maçonnerie", "maçonnerie")]
    [InlineData("bonne maîtrise de la couture", "couture")]
    public void Cv_filler_words_are_ignored(string sentence, string phrase) =>
        Assert.Equal(SkillLinker.Shared.Link(phrase, "fr", 1)[0].Uri, SkillLinker.Shared.Link(sentence, "fr", 1)[0].Uri);

    [Theory]
    [InlineData("je sais faire le ménage", "7bb01a18-4637-4535-ba18-258f48f705b8,1448431a-4fe5-4ca3-83db-665e0df3f130,4f1b6304-f54a-42f0-9604-5427a28d240f")]
    [InlineData("plonge", "c662be22-f17a-4ba0-894f-d720b20c44cf,f20aedf0-6543-498d-b88e-0a32e604acbb")]
    [InlineData("permis B", "2a82241a-216e-44d8-bb50-6b9a0ef82084")]
    [InlineData("couture", "533b3f0b-c8f8-4668-95ef-69011bb081d7,c8d75bf4-ad0d-4f36-8cdc-265a7b044881,477856e7-92e6-43e8-ad67-e2d7129a5188")]
    public void The_skill_vocabulary_links_everyday_words(string phrase, string acceptedUuids)
    {
        var top = SkillLinker.Shared.Link(phrase, "fr", 1)[0];
        Assert.Contains(top.Uri, acceptedUuids.Split(',').Select(u => SkillPrefix + u));
        Assert.True(top.Score >= 0.6, $"{phrase} → {top.Label} at {top.Score:P0}");
    }

    [Theory]
    [InlineData("xyzzy blorf")]
    [InlineData("qwertzuiop")]
    public void A_phrase_nothing_real_matches_gets_a_low_confidence(string phrase)
    {
        var hits = SkillLinker.Shared.Link(phrase, "fr", 3);
        Assert.All(hits, h => Assert.True(h.Score < 0.3, $"{phrase} → {h.Label} at {h.Score:P0}"));
    }

    [Fact]
    public void Without_a_shared_word_a_look_alike_label_scores_low()
    {
        static IndexedConcept Concept(string uri, string label) => new(uri, label, label, [new ConceptLabel(label, "fr", true)]);
        List<IndexedConcept> concepts = [Concept("urn:graphic", "logiciel d'édition graphique"), Concept("urn:iron", "repasser des textiles")];
        var strict = new LabelIndex(concepts, new ScoreWeights { WordOverlapFloor = 0.3f });
        var lenient = new LabelIndex(concepts);
        // "repassage" is found as "repasser" (an activity noun): a real word match keeps its score.
        Assert.Equal(lenient.Search("repassage", "fr", 1)[0].Score, strict.Search("repassage", "fr", 1)[0].Score, 4);
        // "graphisme" only shares character n-grams with "graphique": no word in common.
        var lookAlike = strict.Search("graphisme medical", "fr", 1)[0].Score;
        Assert.True(lookAlike < lenient.Search("graphisme medical", "fr", 1)[0].Score * 0.5f, $"look-alike at {lookAlike}");
    }

    [Theory]
    [InlineData("repassage", "urn:iron")]
    [InlineData("chargement des camions", "urn:load")]
    public void An_activity_noun_finds_the_skill_named_by_its_verb(string phrase, string expected)
    {
        static IndexedConcept Concept(string uri, string label) => new(uri, label, label, [new ConceptLabel(label, "fr", true)]);
        var index = SkillLinker.BuildIndex(
        [
            Concept("urn:press", "utiliser une machine de nettoyage à sec et de repassage"), Concept("urn:iron", "repasser des textiles"),
            Concept("urn:capacity", "capacité de chargement d'un véhicule"), Concept("urn:load", "charger des camions"),
            Concept("urn:dry", "nettoyage à sec"), Concept("urn:vehicle", "conduire des véhicules"),
        ]);
        Assert.Equal(expected, index.Concepts[index.Search(phrase, "fr", 1)[0].Concept].Uri);
    }

    [Fact]
    public void The_shipped_skill_vocabulary_rewrites_only_to_words_esco_skill_labels_use()
    {
        var vocabulary = JobVocabulary.SharedSkills;
        Assert.NotNull(vocabulary);
        Assert.True(vocabulary.RuleCount >= 40, $"{vocabulary.RuleCount} rules");
        var unknown = vocabulary.ReplacementWordsUnknownTo(SkillLinker.Shared.Index);
        Assert.True(unknown.Count == 0, "replacement words no ESCO skill label uses: " + string.Join(", ", unknown));
    }
}
