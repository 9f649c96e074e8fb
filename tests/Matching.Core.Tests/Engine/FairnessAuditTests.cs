using Matching.Core.Engine;

namespace Matching.Core.Tests.Engine;

public class FairnessAuditTests
{
    private static readonly Dictionary<string, ReportingAttributes> People = new()
    {
        ["a"] = new("F", "refugee"), ["b"] = new("F", "regularised"), ["c"] = new("M", "refugee"),
        ["d"] = new("M", "returnee"), ["e"] = new("m", "Refugee"), ["f"] = new(null, null),
    };

    [Fact]
    public void Shortlist_rates_are_computed_per_gender_and_per_status()
    {
        var report = FairnessAudit.Compute(["a", "b", "c", "a", "zz"], People);

        var women = report.ByGender.Single(g => g.Group == "f");
        var men = report.ByGender.Single(g => g.Group == "m");
        Assert.Equal((2, 2, 1.0), (women.Members, women.Shortlisted, women.Rate));
        Assert.Equal((3, 1), (men.Members, men.Shortlisted));
        Assert.Equal(1 / 3.0, men.Rate, 6);
        Assert.Equal(1 / 3.0, men.RatioToHighest, 6);
        Assert.Equal(0, report.ByGender.Single(g => g.Group == FairnessAudit.Unknown).Shortlisted);

        var refugees = report.ByStatus.Single(g => g.Group == "refugee");
        Assert.Equal((3, 2), (refugees.Members, refugees.Shortlisted));
        Assert.Equal(0, report.ByStatus.Single(g => g.Group == "returnee").Rate);
        Assert.Equal(1, report.ShortlistedWithoutAttributes);
    }

    [Fact]
    public void An_empty_run_gives_zero_rates_without_dividing_by_zero()
    {
        var report = FairnessAudit.Compute([], People);
        Assert.All(report.ByGender.Concat(report.ByStatus), g => Assert.Equal((0.0, 1.0), (g.Rate, g.RatioToHighest)));
        Assert.Empty(FairnessAudit.Compute(["a"], new Dictionary<string, ReportingAttributes>()).ByGender);
    }
}
