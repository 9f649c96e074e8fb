using Matching.Core.Domain;
using Matching.Core.Engine;

namespace Matching.Core.Tests.Engine;

public class HardFilterTests
{
    private static readonly DateOnly Today = new(2026, 3, 1);

    [Fact]
    public void Work_authorisation_ending_before_the_start_excludes_the_pair_with_a_reason()
    {
        var v = new VacancyProfile { Id = "v", StartDate = new DateOnly(2026, 6, 1) };
        var expiring = new CandidateProfile { Id = "c", WorkAuthorisedUntil = new DateOnly(2026, 5, 31) };
        Assert.Equal(ExclusionReason.WorkAuthorisationEndsBeforeStart, HardFilters.Check(expiring, v, Today));
        Assert.Null(HardFilters.Check(expiring with { WorkAuthorisedUntil = new DateOnly(2026, 6, 1) }, v, Today));
        Assert.Null(HardFilters.Check(expiring with { WorkAuthorisedUntil = null }, v, Today));
        // Without a start date, the vacancy starts at the reference date.
        Assert.Equal(ExclusionReason.WorkAuthorisationEndsBeforeStart, HardFilters.Check(expiring with { WorkAuthorisedUntil = Today.AddDays(-1) }, v with { StartDate = null }, Today));

        var why = HardFilters.Explain(expiring, v, ExclusionReason.WorkAuthorisationEndsBeforeStart, Today);
        Assert.Contains("31/05/2026", why.MessageFr);
        Assert.Contains("2026-06-01", why.MessageEn);
    }

    [Fact]
    public void A_candidate_wanting_only_a_job_is_not_proposed_internships()
    {
        var internship = new VacancyProfile { Id = "v", Kind = VacancyKind.Internship };
        Assert.Equal(ExclusionReason.NotLookingForThisKind, HardFilters.Check(new CandidateProfile { Id = "c", Wants = OpportunityKinds.Job }, internship, Today));
        Assert.Null(HardFilters.Check(new CandidateProfile { Id = "c" }, internship, Today));
    }

    [Fact]
    public void The_engine_reports_excluded_pairs_and_never_ranks_them()
    {
        var cook = Esco.Occupation("cook");
        var candidates = new List<CandidateProfile>
        {
            new() { Id = "ok", Experiences = [new ExperienceSpan(cook, 2)] },
            new() { Id = "expired", Experiences = [new ExperienceSpan(cook, 5)], WorkAuthorisedUntil = Today },
        };
        var engine = new MatchingEngine(Esco.Graph, new ColdStartScorer());
        var result = engine.ShortlistCandidates(engine.IndexCandidates(candidates), [new VacancyProfile { Id = "v", Title = "cook", Occupation = cook, StartDate = Today.AddDays(30) }], Today);
        Assert.Equal(["ok"], result.Lists[0].Matches.Select(m => m.CandidateId));
        var exclusion = Assert.Single(result.Exclusions);
        Assert.Equal(("expired", ExclusionReason.WorkAuthorisationEndsBeforeStart), (exclusion.CandidateId, exclusion.Reason));
    }
}
