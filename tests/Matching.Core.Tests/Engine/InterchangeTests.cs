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
    public void The_label_linker_finds_occupations_by_english_and_french_labels()
    {
        var linker = new LabelConceptLinker(EscoTaxonomyCache.Value);
        var cook = Esco.Graph.OccupationUris[Esco.Occupation("cook")];
        Assert.Equal(cook, linker.LinkOccupation("Cook")[0].Uri);
        Assert.Equal(1.0, linker.LinkOccupation("cuisinier")[0].Confidence);
        Assert.Empty(linker.LinkOccupation("   "));
    }
}
