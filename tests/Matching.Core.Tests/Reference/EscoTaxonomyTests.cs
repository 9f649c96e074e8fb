using Matching.Core.Reference;

namespace Matching.Core.Tests.Reference;

public class EscoTaxonomyTests
{
    private static readonly Lazy<EscoTaxonomy> Taxonomy = new(EscoTaxonomy.Load);

    [Fact]
    public void Loads_the_whole_v1_1_1_taxonomy()
    {
        var t = Taxonomy.Value;
        Assert.Equal(3007, t.Occupations.Count);
        Assert.Equal(13896, t.Skills.Count);
        Assert.True(t.OccupationSkills.Count > 120_000);
        Assert.Contains(t.IscoGroups, g => g.Code == "4222" && g.ParentCode == "422");
    }

    [Fact]
    public void Joins_french_and_arabic_labels_by_uri()
    {
        var director = Taxonomy.Value.Occupations.Single(o => o.Uri == "http://data.europa.eu/esco/occupation/00030d09-2b3a-4efd-87cc-c4ea39d27c34");
        Assert.Equal("technical director", director.LabelEn);
        Assert.Equal("directeur technique/directrice technique", director.LabelFr);
        Assert.Equal("المدير الفني / المديرة الفنية", director.LabelAr);
        Assert.Contains("régisseuse", director.AltLabelsFr);
        Assert.Contains("head of technical", director.AltLabelsEn);
        Assert.Equal("2654", director.IscoCode);
    }

    [Fact]
    public void Most_concepts_have_french_labels()
    {
        var t = Taxonomy.Value;
        Assert.True(t.Occupations.Count(o => o.LabelFr != null) >= 2900);
        Assert.True(t.Skills.Count(s => s.LabelFr != null) >= 13000);
    }
}
