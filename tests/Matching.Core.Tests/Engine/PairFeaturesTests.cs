using Matching.Core.Domain;
using Matching.Core.Engine;

namespace Matching.Core.Tests.Engine;

public class PairFeaturesTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);
    private static readonly GeoPlace Casablanca = new(33.5731, -7.5898, "Casablanca");
    private static readonly GeoPlace Rabat = new(34.0209, -6.8416, "Rabat");

    private static float[] Features(CandidateProfile c, VacancyProfile v)
    {
        var vocabulary = new TitleVocabulary([PreparedCandidate.CandidateTitles(Esco.Graph, c), PreparedVacancy.VacancyTitles(Esco.Graph, v)]);
        var f = new float[PairFeatures.Count];
        PairFeatures.Compute(Esco.Graph, PreparedCandidate.Create(Esco.Graph, c, vocabulary), PreparedVacancy.Create(Esco.Graph, v, vocabulary), Today, f);
        return f;
    }

    private static VacancyProfile CookVacancy(params LanguageSkill[] languages)
    {
        var cook = Esco.Occupation("cook");
        return new VacancyProfile { Id = "v", Title = "cook", Occupation = cook, Languages = languages, Location = Casablanca, StartDate = Today.AddDays(10) };
    }

    [Fact]
    public void Declared_essential_skills_cover_more_than_a_title_alone_and_a_stranger_covers_nothing()
    {
        var g = Esco.Graph;
        var cook = Esco.Occupation("cook");
        var declared = new CandidateProfile { Id = "a", Skills = g.EssentialSkills[cook].Select(s => new SkillClaim(s, 4)).ToList() };
        var titleOnly = new CandidateProfile { Id = "b", Experiences = [new ExperienceSpan(cook, 3)] };
        var stranger = new CandidateProfile { Id = "c", Experiences = [new ExperienceSpan(Esco.Occupation("technical director"), 3)] };
        var v = CookVacancy();

        var full = Features(declared, v);
        Assert.Equal(1f, full[PairFeatures.EssentialSkillCoverage], 3);
        Assert.Equal(1f, full[PairFeatures.EssentialSkillDirect], 3);

        var inferred = Features(titleOnly, v);
        Assert.Equal(SkillCredit.EssentialOfPastOccupation, inferred[PairFeatures.EssentialSkillCoverage], 3);
        Assert.Equal(0f, inferred[PairFeatures.EssentialSkillDirect]);
        Assert.Equal(1f, inferred[PairFeatures.ExperienceOccupationSimilarity]);
        Assert.Equal(0.3f, inferred[PairFeatures.RelatedExperienceYears], 3);

        Assert.True(Features(stranger, v)[PairFeatures.EssentialSkillCoverage] < inferred[PairFeatures.EssentialSkillCoverage] / 2);
    }

    [Fact]
    public void A_related_skill_earns_partial_credit()
    {
        var g = Esco.Graph;
        var (required, related) = Enumerable.Range(0, g.SkillCount).Where(s => g.SkillRelated[s].Length > 0)
            .Select(s => (s, g.SkillRelated[s][0])).First();
        var v = new VacancyProfile { Id = "v", EssentialSkills = [required] };
        var c = new CandidateProfile { Id = "c", Skills = [new SkillClaim(related)] };
        Assert.Equal(SkillCredit.RelatedToDeclared, Features(c, v)[PairFeatures.EssentialSkillCoverage], 3);
    }

    [Fact]
    public void Language_fit_follows_cefr_levels()
    {
        var needs = new[] { new LanguageSkill("fr", CefrLevel.B2) };
        Assert.Equal((1f, 0f), PairFeatures.Languages([new LanguageSkill("fr", CefrLevel.Native)], needs));
        var oneShort = PairFeatures.Languages([new LanguageSkill("FR", CefrLevel.B1)], needs);
        Assert.Equal(2 / 3f, oneShort.Fit, 3);
        Assert.Equal(0f, oneShort.Missing);
        Assert.Equal((0f, 1f), PairFeatures.Languages([new LanguageSkill("en", CefrLevel.C2)], needs));
        Assert.Equal((1f, 0f), PairFeatures.Languages([], []));
    }

    [Fact]
    public void Distance_is_haversine_and_judged_against_mobility()
    {
        var km = GeoPlace.DistanceKm(Casablanca, Rabat)!.Value;
        Assert.InRange(km, 85, 90);
        Assert.Null(GeoPlace.DistanceKm(Casablanca, new GeoPlace(null, null, "Rabat")));

        var v = CookVacancy();
        var near = Features(new CandidateProfile { Id = "n", Location = Rabat, MobilityKm = 100 }, v);
        var far = Features(new CandidateProfile { Id = "f", Location = Rabat, MobilityKm = 10 }, v);
        Assert.Equal(1f, near[PairFeatures.DistanceKnown]);
        Assert.True(near[PairFeatures.DistanceFit] > 0.6f);
        Assert.InRange(far[PairFeatures.DistanceFit], 0.1f, 0.2f); // 77 km beyond a 10 km radius
        var samePlace = Features(new CandidateProfile { Id = "s", Location = new GeoPlace(null, null, " casablanca") }, v);
        Assert.Equal(1f, samePlace[PairFeatures.SamePlace]);
        Assert.Equal(1f, samePlace[PairFeatures.DistanceFit]);
    }

    [Fact]
    public void Availability_internship_and_education_features()
    {
        var v = CookVacancy() with { Kind = VacancyKind.Internship, EducationMin = IscedLevel.UpperSecondary };
        var late = Features(new CandidateProfile { Id = "l", AvailableFrom = Today.AddDays(10 + 45), Education = IscedLevel.LowerSecondary }, v);
        Assert.Equal(0.5f, late[PairFeatures.AvailabilityFit], 2);
        Assert.Equal(1f, late[PairFeatures.IsInternship]);
        Assert.Equal(0.7f, late[PairFeatures.EducationFit], 3);
        var veteran = Features(new CandidateProfile { Id = "x", Experiences = [new ExperienceSpan(-1, 8)], Education = IscedLevel.Bachelor }, v);
        var beginner = Features(new CandidateProfile { Id = "y", Education = IscedLevel.Bachelor }, v);
        Assert.Equal(0f, veteran[PairFeatures.InternshipSuitability]);
        Assert.Equal(1f, beginner[PairFeatures.InternshipSuitability]);
    }

    [Fact]
    public void Title_similarity_uses_words_shared_with_the_vacancy_title()
    {
        var v = new VacancyProfile { Id = "v", Title = "Chauffeur poids lourd" };
        var same = Features(new CandidateProfile { Id = "a", Titles = ["chauffeur poids-lourds"] }, v);
        var other = Features(new CandidateProfile { Id = "b", Titles = ["serveuse"] }, v);
        Assert.True(same[PairFeatures.TitleSimilarity] > 0.9f);
        Assert.Equal(0f, other[PairFeatures.TitleSimilarity]);
    }
}
