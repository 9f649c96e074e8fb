using Matching.Core.Engine;

namespace Matching.Core.Tests.Engine;

public class TaxonomyGraphTests
{
    [Fact]
    public void Numbers_every_occupation_and_skill_densely()
    {
        var g = Esco.Graph;
        Assert.Equal(3007, g.OccupationCount);
        Assert.Equal(13896, g.SkillCount);
        Assert.All(g.OccupationUris, (uri, i) => Assert.Equal(i, g.OccupationByUri[uri]));
        Assert.True(g.EssentialSkills.Sum(s => s.Length) > 50_000);
        Assert.All(g.EssentialSkills.Take(200), skills => Assert.Equal(skills.Order(), skills));
    }

    [Fact]
    public void Occupation_similarity_follows_the_isco_hierarchy()
    {
        var g = Esco.Graph;
        var a = Esco.Occupation("technical director");
        Assert.Equal(1, g.OccupationSimilarity(a, a));
        var sameUnit = Enumerable.Range(0, g.OccupationCount).First(o => o != a && g.OccupationIsco[o] == g.OccupationIsco[a] && g.OccupationBroader[o] != a && g.OccupationBroader[a] != o && (g.OccupationBroader[a] < 0 || g.OccupationBroader[a] != g.OccupationBroader[o]));
        Assert.Equal(0.7, g.OccupationSimilarity(a, sameUnit));
        var otherMajor = Enumerable.Range(0, g.OccupationCount).First(o => g.OccupationIsco[o] / 1000 != g.OccupationIsco[a] / 1000);
        Assert.Equal(0, g.OccupationSimilarity(a, otherMajor));
        Assert.Equal(0.45, TaxonomyGraph.IscoSimilarity(4222, 4223));
        Assert.Equal(0.25, TaxonomyGraph.IscoSimilarity(4222, 4213));
    }

    [Fact]
    public void Specific_skills_weigh_more_than_transversal_ones()
    {
        var g = Esco.Graph;
        var transversal = Array.FindIndex(g.SkillReuse, r => r == Core.Domain.ReuseLevel.Transversal);
        var specific = Array.FindIndex(g.SkillReuse, r => r == Core.Domain.ReuseLevel.OccupationSpecific);
        Assert.True(g.SkillWeight(specific) > g.SkillWeight(transversal));
    }
}
