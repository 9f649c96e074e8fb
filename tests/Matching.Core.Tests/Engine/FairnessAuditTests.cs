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

    [Fact]
    public void A_tiny_group_is_reported_but_neither_judged_nor_used_as_the_reference()
    {
        // 40 women (10 shortlisted), 40 men (9 shortlisted), 2 people of another gender, both shortlisted.
        var people = new Dictionary<string, ReportingAttributes>();
        var shortlisted = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            people[$"f{i}"] = new("F", "refugee");
            people[$"m{i}"] = new("M", "refugee");
            if (i < 10) shortlisted.Add($"f{i}");
            if (i < 9) shortlisted.Add($"m{i}");
        }
        people["x0"] = new("X", "returnee");
        people["x1"] = new("X", "returnee");
        shortlisted.AddRange(["x0", "x1"]);

        var report = FairnessAudit.Compute(shortlisted, people);

        var men = report.ByGender.Single(g => g.Group == "m");
        Assert.Equal(0.9, men.RatioToHighest, 6);
        Assert.False(men.NeedsReview);
        var tiny = report.ByGender.Single(g => g.Group == "x");
        Assert.False(tiny.LargeEnoughToJudge);
        Assert.False(tiny.NeedsReview);
        Assert.Equal(4.0, tiny.RatioToHighest, 6);
    }

    [Fact]
    public void A_large_group_under_four_fifths_of_the_best_rate_needs_review()
    {
        var people = new Dictionary<string, ReportingAttributes>();
        var shortlisted = new List<string>();
        for (var i = 0; i < 50; i++)
        {
            people[$"f{i}"] = new("F", null);
            people[$"m{i}"] = new("M", null);
            if (i < 20) shortlisted.Add($"m{i}");
            if (i < 10) shortlisted.Add($"f{i}");
        }

        var report = FairnessAudit.Compute(shortlisted, people);

        Assert.True(report.ByGender.Single(g => g.Group == "f").NeedsReview);
        Assert.False(report.ByGender.Single(g => g.Group == "m").NeedsReview);
    }
}
