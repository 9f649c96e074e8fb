using Matching.Core.Domain;
using Matching.Core.Engine;
using Matching.Core.Engine.Interchange;

namespace Matching.Core.Tests.Engine;

public sealed class InterchangeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("interchange-").FullName;
    private static readonly DateOnly Today = new(2026, 3, 1);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string File(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        System.IO.File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>A linker that knows one title and one skill, so tests do not depend on label matching.</summary>
    private sealed class FakeLinker : IConceptLinker
    {
        public IReadOnlyList<ConceptMatch> LinkOccupation(string text, int max = 3) =>
            text == "Cuisinier" ? [new ConceptMatch(Esco.Graph.OccupationUris[Esco.Occupation("cook")], 0.9)] : [];
        public IReadOnlyList<ConceptMatch> LinkSkill(string text, int max = 3) =>
            text == "hygiène" ? [new ConceptMatch(Esco.Graph.SkillUris[Esco.Graph.EssentialSkills[Esco.Occupation("cook")][0]], 0.8)] : [];
    }

    [Fact]
    public void Reads_candidates_linking_free_text_and_ignoring_unknown_fields()
    {
        var path = File("c.jsonl",
            """{"id":"c1","gender":"F","experiences":[{"title":"Cuisinier","start":"2022-03-01","end":"2025-03-01"}],"skills":["hygiène",{"label":"unknown thing","level":"expert"}],"languages":[{"code":"FR","level":"B2"},{"code":"ar","level":"native"}],"education":{"isced":3},"location":{"city":"Tanger"},"mobilityKm":25,"wants":["internship"],"workAuthorisedUntil":"2026-12-31"}""",
            "",
            """{"id":"c2"}""");
        var reader = new InterchangeReader(Esco.Graph, new FakeLinker(), Today, new Dictionary<string, GeoPlace> { ["tanger"] = new(35.76, -5.83, "Tanger") });
        var candidates = reader.ReadCandidates(path);

        Assert.Equal(2, candidates.Count);
        var c = candidates[0];
        Assert.Equal(Esco.Occupation("cook"), Assert.Single(c.Experiences).Occupation);
        Assert.Equal(3.0, c.Experiences[0].Years, 1);
        Assert.Single(c.Skills);
        Assert.Equal([new LanguageSkill("fr", CefrLevel.B2), new LanguageSkill("ar", CefrLevel.Native)], c.Languages);
        Assert.Equal(35.76, c.Location.Latitude);
        Assert.Equal(OpportunityKinds.Internship, c.Wants);
        Assert.Equal(new DateOnly(2026, 12, 31), c.WorkAuthorisedUntil);
        Assert.Equal(IscedLevel.UpperSecondary, c.Education);
        Assert.Equal(OpportunityKinds.Job | OpportunityKinds.Internship, candidates[1].Wants);
    }

    [Fact]
    public void A_vacancy_without_skills_gets_its_occupations_essential_skills()
    {
        var cook = Esco.Occupation("cook");
        var path = File("v.jsonl", $$"""{"id":"v1","kind":"internship","title":"Commis","occupation":"{{Esco.Graph.OccupationUris[cook]}}","location":{"city":"Rabat","lat":34.02,"lon":-6.84},"startDate":"2026-04-01","educationMin":3}""");
        var v = Assert.Single(new InterchangeReader(Esco.Graph, new FakeLinker(), Today).ReadVacancies(path));
        Assert.Equal(VacancyKind.Internship, v.Kind);
        Assert.Empty(v.EssentialSkills);
        var prepared = PreparedVacancy.Create(Esco.Graph, v, new TitleVocabulary([]));
        Assert.Equal(Esco.Graph.EssentialSkills[cook], prepared.Essential);
    }

    [Theory]
    [InlineData("""{"id":"v2","title":"x","kind":"contract"}""", "kind must be")]
    [InlineData("""{"id":"v2","title":"x",""", "not valid JSON")]
    [InlineData("""{"title":"x"}""", "missing \"id\"")]
    [InlineData("""{"id":"v1","title":"again"}""", "appears twice")]
    [InlineData("""{"id":"v2","title":"x","languages":[{"code":"fr","level":"fluent"}]}""", "A1…C2")]
    public void A_bad_line_is_reported_with_its_number(string badLine, string expected)
    {
        var path = File("v.jsonl", """{"id":"v1","title":"ok"}""", badLine);
        var e = Assert.Throws<InterchangeFormatException>(() => new InterchangeReader(Esco.Graph, new FakeLinker(), Today).ReadVacancies(path));
        Assert.Equal(2, e.Line);
        Assert.Contains("line 2", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Written_profiles_read_back_the_same()
    {
        var world = new SyntheticWorld(Esco.Graph, seed: 4, occupationCount: 50);
        var candidates = world.Candidates(20);
        var vacancies = world.Vacancies(10).Select(v => v.Vacancy).ToList();
        var cPath = Path.Combine(_folder, "c.jsonl");
        var vPath = Path.Combine(_folder, "v.jsonl");
        using (var w = new StreamWriter(cPath)) InterchangeWriter.WriteCandidates(Esco.Graph, candidates, world.Origin, w);
        using (var w = new StreamWriter(vPath)) InterchangeWriter.WriteVacancies(Esco.Graph, vacancies, w);
        var reader = new InterchangeReader(Esco.Graph, new FakeLinker(), world.Origin);
        var back = reader.ReadCandidates(cPath);
        var backVacancies = reader.ReadVacancies(vPath);
        Assert.Equal(candidates.Select(c => c.Skills.Count), back.Select(c => c.Skills.Count));
        Assert.Equal(candidates.Select(c => c.WorkAuthorisedUntil), back.Select(c => c.WorkAuthorisedUntil));
        Assert.Equal(vacancies.Select(v => v.Occupation), backVacancies.Select(v => v.Occupation));
        Assert.Equal(vacancies.Select(v => v.EssentialSkills.Count), backVacancies.Select(v => v.EssentialSkills.Count));
    }

    [Fact]
    public void The_esco_linker_links_english_and_french_titles_with_a_confidence()
    {
        var linker = EscoConceptLinker.Default;
        var cook = Esco.Graph.OccupationUris[Esco.Occupation("cook")];
        Assert.Equal(cook, linker.LinkOccupation("Cook")[0].Uri);
        var french = linker.LinkOccupation("cuisinier")[0];
        Assert.Equal(cook, french.Uri);
        Assert.InRange(french.Confidence, 0.9, 1.0);
        Assert.True(linker.LinkOccupation("sdfsdf qwe") is not [var nonsense, ..] || nonsense.Confidence < 0.4, "nonsense must not be linked confidently");
        Assert.Empty(linker.LinkOccupation("   "));
    }

    [Fact]
    public void Minimal_titles_and_places_are_read_and_every_pair_of_a_small_set_is_ranked()
    {
        var gazetteer = new Dictionary<string, GeoPlace> { ["tanger"] = new(35.76, -5.83, "Tanger"), ["austin"] = new(0, 0, "Austin") };
        var reader = new InterchangeReader(Esco.Graph, new FakeLinker(), Today, gazetteer);
        var candidates = reader.ReadCandidates(File("c.jsonl",
            """{"id":"a"}""",
            """{"id":"b","experiences":[{"title":"Cuisinier","location":"Tanger"},{"location":"x"}]}""",
            """{"id":"c","experiences":[{"title":"Software Engineer"}],"location":"Austin, TX"}"""));
        var vacancies = reader.ReadVacancies(File("v.jsonl",
            """{"id":"v1"}""",
            """{"id":"v2","title":"Cuisinier","location":{"city":"Tanger"}}""",
            """{"id":"v3","title":"Developer","location":{"city":"Austin","region":"TX","country":"US"}}"""));

        Assert.Equal(35.76, candidates[1].Location.Latitude);
        Assert.Equal(0.9f, candidates[1].Experiences.Single().Confidence, 3);
        Assert.Equal(("austin", "tx"), (candidates[2].Location.Key, candidates[2].Location.RegionKey));
        Assert.Null(vacancies[2].Location.Latitude);
        Assert.Equal(1f, GeoPlace.NameMatch(candidates[2].Location, vacancies[2].Location));
        Assert.Equal(0.5f, GeoPlace.NameMatch(new GeoPlace(null, null, "Houston") { Region = "TX" }, vacancies[2].Location));
        Assert.Equal(0f, GeoPlace.NameMatch(candidates[0].Location, vacancies[2].Location));

        var engine = new MatchingEngine(Esco.Graph, ColdStartScorer.TitlesOnly);
        var result = engine.RankOpportunities(engine.IndexVacancies(vacancies), candidates, Today);
        Assert.All(result.Lists, l => Assert.Equal(3, l.Matches.Count));
        Assert.Equal("v2", result.Lists[1].Matches[0].VacancyId);
        Assert.Equal("v3", result.Lists[2].Matches[0].VacancyId);
    }

    /// <summary>Links "Chef" ambiguously: head chef first, cook a close second, technical director far behind.</summary>
    private sealed class AmbiguousLinker : IConceptLinker
    {
        public IReadOnlyList<ConceptMatch> LinkOccupation(string text, int max = 3) =>
            text == "Chef"
                ? new[] { ("head chef", 0.7), ("cook", 0.62), ("technical director", 0.41) }.Take(max).Select(p => new ConceptMatch(Esco.Graph.OccupationUris[Esco.Occupation(p.Item1)], p.Item2)).ToList()
                : [];
        public IReadOnlyList<ConceptMatch> LinkSkill(string text, int max = 3) => [];
    }

    [Fact]
    public void Close_runner_up_links_count_for_occupation_similarity_at_their_confidence()
    {
        var reader = new InterchangeReader(Esco.Graph, new AmbiguousLinker(), Today);
        var c = Assert.Single(reader.ReadCandidates(File("c.jsonl", """{"id":"c","experiences":[{"title":"Chef"}]}""")));
        var experience = Assert.Single(c.Experiences);
        Assert.Equal((Esco.Occupation("head chef"), 0.7f), (experience.Occupation, experience.Confidence));
        var runnerUp = Assert.Single(experience.Alternatives);
        Assert.Equal(Esco.Occupation("cook"), runnerUp.Occupation);

        var cookVacancy = new VacancyProfile { Id = "v", Occupation = Esco.Occupation("cook") };
        var vocabulary = new TitleVocabulary([["cook"]]);
        var features = new float[PairFeatures.Count];
        PairFeatures.Compute(Esco.Graph, PreparedCandidate.Create(Esco.Graph, c, vocabulary), PreparedVacancy.Create(Esco.Graph, cookVacancy, vocabulary), Today, features);
        Assert.True(features[PairFeatures.ExperienceOccupationSimilarity] >= 0.62f - 1e-4f, $"similarity {features[PairFeatures.ExperienceOccupationSimilarity]}");
        Assert.True(features[PairFeatures.ExperienceOccupationSimilarity] < 0.7f);
    }
}
