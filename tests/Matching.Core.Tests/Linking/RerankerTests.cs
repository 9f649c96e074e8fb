using Matching.Core.Linking;

namespace Matching.Core.Tests.Linking;

public class RerankerTests
{
    private static readonly LabelIndex Small = new(
    [
        Concept("urn:electrician", "électricien/électricienne", "electrician", depth: 1),
        Concept("urn:building-electrician", "électricien du bâtiment/électricienne du bâtiment", "building electrician", depth: 2),
        Concept("urn:plumber", "plombier/plombière", "plumber", depth: 1),
    ]);

    private static IndexedConcept Concept(string uri, string prefFr, string prefEn, int depth) =>
        new(uri, prefFr, prefEn, [new ConceptLabel(prefFr, "fr", true), new ConceptLabel(prefEn, "en", true)], depth, 7, 7411);

    private static int Feature(string name) => Array.IndexOf(RerankFeatures.Names, name);

    /// <summary>One stump: +2 when code_depth > 1.5, else −1 (so the deeper concept wins whatever the lexical score).</summary>
    private static LinkerReranker PreferDeepConcepts() =>
        new([new LinkerReranker.Tree(1.0, [~0], [~1], [Feature("code_depth")], [1.5f], [-1.0, 2.0])], 0.25);

    [Fact]
    public void The_training_row_width_matches_the_feature_list() =>
        Assert.Equal(LinkerTraining.FeatureCount, RerankFeatures.Count);

    [Fact]
    public void Candidates_write_one_feature_row_per_candidate_with_the_search_order()
    {
        var features = new List<float>();
        var candidates = Small.Candidates("electricien", "fr", 10, features);
        Assert.Equal(Small.Search("electricien", "fr", 10).Select(c => c.Concept), candidates.Select(c => c.Concept));
        Assert.Equal(candidates.Count * RerankFeatures.Count, features.Count);
        Assert.Equal(1f, features[Feature("query_coverage")]);           // "électricien" covers the query
        Assert.Equal(1f, features[Feature("preferred_query_coverage")]);
        Assert.Equal(0f, features[Feature("rank")]);
        Assert.Equal(1f, features[RerankFeatures.Count + Feature("rank")]);
        Assert.Equal(2f, features[Feature("group_candidates")]);          // both electricians share ISCO 7411
    }

    [Fact]
    public void The_reranker_reorders_candidates_and_keeps_scores_decreasing_in_0_1()
    {
        Assert.Equal("urn:electrician", Small.Concepts[Small.Search("electricien", "fr", 3)[0].Concept].Uri);
        var hits = LinkerConcepts.Reranked(Small, PreferDeepConcepts(), "electricien", "fr", 3);
        Assert.Equal("urn:building-electrician", Small.Concepts[hits[0].Concept].Uri);
        Assert.All(hits, h => Assert.InRange(h.Score, 0f, 1f));
        Assert.True(hits.Zip(hits.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void A_saved_model_loads_back_and_scores_the_same()
    {
        var path = Path.Combine(Path.GetTempPath(), $"reranker-{Guid.NewGuid():N}.zip");
        try
        {
            var model = PreferDeepConcepts();
            model.Save(path);
            var loaded = LinkerReranker.TryLoad(path)!;
            var row = new float[RerankFeatures.Count];
            row[Feature("code_depth")] = 2;
            Assert.Equal(model.Score(row), loaded.Score(row));
            Assert.Equal(2.25, loaded.Score(row), 6);
            row[Feature("code_depth")] = 1;
            Assert.Equal(-0.75, loaded.Score(row), 6);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void A_missing_model_file_gives_null_so_the_linker_falls_back() =>
        Assert.Null(LinkerReranker.TryLoad(Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.zip")));

    [Fact]
    public void The_shipped_occupation_model_loads_with_this_build_features()
    {
        var model = LinkerReranker.TryLoad(LinkerReranker.OccupationModelFile);
        Assert.NotNull(model);
        Assert.True(model.TreeCount > 10);
    }

    [Fact]
    public void Training_noise_changes_one_word_and_keeps_the_rest()
    {
        var rng = new Random(1);
        for (var i = 0; i < 50; i++)
        {
            var noisy = QueryNoise.Typo("technicien de maintenance", rng);
            Assert.NotEqual("technicien de maintenance", noisy);
            var a = "technicien de maintenance".Split(' ');
            var b = noisy.Split(' ');
            Assert.Equal(3, b.Length);
            Assert.Equal(1, a.Zip(b).Count(p => p.First != p.Second));
        }
        Assert.Equal("electricien du batiment", QueryNoise.StripAccents("électricien du bâtiment"));
        Assert.Contains(QueryNoise.OneGender("plombier/plombière", rng), new[] { "plombier", "plombière" });
        Assert.Equal("chef", QueryNoise.OneGender("chef", rng));
    }
}
