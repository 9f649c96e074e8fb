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
        Assert.Equal(en, roundTrip.Render("en"));
    }
}
