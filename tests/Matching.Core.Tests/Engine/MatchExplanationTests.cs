using System.Text.Json;
using Matching.Core.Domain;
using Matching.Core.Engine;

namespace Matching.Core.Tests.Engine;

public class MatchExplanationTests
{
    [Fact]
    public void Names_matched_missing_and_transferable_skills_languages_and_distance_in_both_languages()
    {
        var g = Esco.Graph;
        var cook = Esco.Occupation("cook");
        var essential = g.EssentialSkills[cook];
        var related = essential.FirstOrDefault(s => g.SkillRelated[s].Length > 0, -1);
        var declared = essential.Where(s => s != related).Take(3).ToList();
        var candidate = new CandidateProfile
        {
            Id = "c1",
            Skills = declared.Select(s => new SkillClaim(s)).Concat(related >= 0 ? [new SkillClaim(g.SkillRelated[related][0])] : []).ToList(),
            Languages = [new LanguageSkill("fr", CefrLevel.A2)],
            Location = new GeoPlace(34.0209, -6.8416, "Rabat"), MobilityKm = 100,
        };
        var vacancy = new VacancyProfile
        {
            Id = "v1", Title = "cook", Occupation = cook, EssentialSkills = essential,
            Languages = [new LanguageSkill("fr", CefrLevel.B1)], Location = new GeoPlace(33.5731, -7.5898, "Casablanca"),
        };
        var vocabulary = new TitleVocabulary([["cook"]]);
        var features = new float[PairFeatures.Count];
        PairFeatures.Compute(g, PreparedCandidate.Create(g, candidate, vocabulary), PreparedVacancy.Create(g, vacancy, vocabulary), new DateOnly(2026, 1, 1), features);

        var e = MatchExplanation.Explain(g, candidate, vacancy, features, 0.5f, "cold-start");

        Assert.Equal(declared.Count, e.MatchedEssentialSkills.Count);
        Assert.Equal(essential.Length, e.MatchedEssentialSkills.Count + e.MissingEssentialSkills.Count + e.TransferableSkills.Count);
        if (related >= 0) Assert.Contains(e.TransferableSkills, t => t.Required.Uri == g.SkillUris[related]);
        Assert.False(Assert.Single(e.Languages).Meets);
        Assert.InRange(e.DistanceKm!.Value, 85, 90);
        Assert.NotEmpty(e.MainContributions);

        var fr = e.Render("fr");
        var en = e.Render("en");
        Assert.Contains("Compétences essentielles acquises (3)", fr);
        Assert.Contains(g.SkillLabelsFr[declared[0]], fr);
        Assert.Contains("Essential skills to acquire", en);
        Assert.Contains("mobility 100 km", en);

        var roundTrip = JsonSerializer.Deserialize<MatchExplanation>(JsonSerializer.Serialize(e))!;
        Assert.Equal(e.MatchedEssentialSkills, roundTrip.MatchedEssentialSkills);
        Assert.Equal(e.Languages, roundTrip.Languages);
        Assert.Contains("Essential skills to acquire", roundTrip.Render("en"));
    }

    [Fact]
    public void Serialises_to_the_shape_agreed_with_the_employer_portal()
    {
        const string matched = "http://data.europa.eu/esco/skill/m", missing = "http://data.europa.eu/esco/skill/x", via = "http://data.europa.eu/esco/skill/t";
        var e = new MatchExplanation
        {
            CandidateId = "c1", VacancyId = "v1", Scorer = "cold-start", Score = 0.7f,
            MatchedEssentialSkills = [new ConceptLabel(matched, "m", "m")],
            MissingEssentialSkills = [new ConceptLabel(missing, "x", "x")],
            TransferableSkills = [new TransferableSkill(new ConceptLabel(via, "t", "t"), "cook", "cuisinier")],
            Languages = [new LanguageCheck("fr", CefrLevel.B1, CefrLevel.A2), new LanguageCheck("ar", CefrLevel.A2, CefrLevel.Native), new LanguageCheck("en", CefrLevel.B2, null)],
            DistanceKm = 12.345, AvailableFrom = new DateOnly(2026, 3, 9),
            MainContributions = [new ScoreContribution("essential_skill_coverage", 0.5f, 0.12f), new ScoreContribution("languages_missing", 1, -0.03f)],
        };
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("fr-FR");
        try
        {
            Assert.Equal(
                $$"""{"matchedEssential":["{{matched}}"],"missingEssential":["{{missing}}"],"transferable":["{{via}}"],"languages":[{"code":"fr","required":"B1","actual":"A2","ok":false},{"code":"ar","required":"A2","actual":"native","ok":true},{"code":"en","required":"B2","actual":null,"ok":false}],"distanceKm":12.3,"availableFrom":"2026-03-09","contributions":[{"feature":"essential_skill_coverage","value":0.12},{"feature":"languages_missing","value":-0.03}]}""",
                JsonSerializer.Serialize(e));
        }
        finally { System.Globalization.CultureInfo.CurrentCulture = previous; }
        Assert.Equal("""{"matchedEssential":[],"missingEssential":[],"transferable":[],"languages":[],"distanceKm":null,"availableFrom":null,"contributions":[]}""",
            JsonSerializer.Serialize(e with { MatchedEssentialSkills = [], MissingEssentialSkills = [], TransferableSkills = [], Languages = [], DistanceKm = null, AvailableFrom = null, MainContributions = [] }));
    }
}
