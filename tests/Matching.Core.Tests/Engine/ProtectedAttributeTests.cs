using System.Reflection;
using Matching.Core.Engine;

namespace Matching.Core.Tests.Engine;

public class ProtectedAttributeTests
{
    private static readonly string[] Protected = ["gender", "sex", "age", "birth", "nationality", "religion", "ethnic", "status", "marital", "origin"];

    private static bool IsProtected(string name)
    {
        var lower = name.ToLowerInvariant();
        // "age" alone or as a word part (BirthYear, AgeGroup), not inside unrelated words like "Language" or "Percentage".
        return Protected.Any(p => p == "age"
            ? lower == "age" || lower.StartsWith("age", StringComparison.Ordinal) || lower.EndsWith("_age", StringComparison.Ordinal)
            : lower.Contains(p, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(typeof(CandidateProfile))]
    [InlineData(typeof(VacancyProfile))]
    [InlineData(typeof(ExperienceSpan))]
    [InlineData(typeof(PreparedCandidate))]
    public void Engine_inputs_carry_no_protected_attribute(Type type)
    {
        var names = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name).ToList();
        Assert.NotEmpty(names);
        Assert.DoesNotContain(names, IsProtected);
    }

    [Fact]
    public void No_feature_is_a_protected_attribute()
    {
        Assert.Equal(PairFeatures.Count, PairFeatures.Names.Count);
        Assert.DoesNotContain(PairFeatures.Names, IsProtected);
    }

    [Fact]
    public void The_check_itself_catches_protected_names()
    {
        Assert.True(IsProtected("Gender"));
        Assert.True(IsProtected("BirthYear"));
        Assert.True(IsProtected("NationalityCode"));
        Assert.False(IsProtected("Languages"));
    }
}
