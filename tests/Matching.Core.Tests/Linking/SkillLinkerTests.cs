using Matching.Core.Linking;

namespace Matching.Core.Tests.Linking;

public class SkillLinkerTests
{
    [Fact]
    public void The_realistic_skill_set_answers_with_shipped_skills()
    {
        var phrases = LinkingEvaluation.ReadRealisticSkills();
        Assert.True(phrases.Count >= 60, $"the skill dev set has {phrases.Count} phrases");
        Assert.Equal(phrases.Count, phrases.Select(q => q.Text.ToLowerInvariant()).Distinct().Count());
        var known = Matching.Core.Reference.EscoTaxonomy.Load().Skills.Select(s => s.Uri).ToHashSet();
        Assert.All(phrases, q => Assert.All(q.Accepted, uri => Assert.Contains(uri, known)));
    }
}
