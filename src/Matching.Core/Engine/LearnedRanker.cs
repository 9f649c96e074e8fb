using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace Matching.Core.Engine;

/// <summary>One training or scoring row for ML.NET: the pair features, the graded decision and the vacancy group.</summary>
public sealed class RankingRow
{
    [VectorType(PairFeatures.Count)]
    public float[] Features { get; set; } = [];
    public float Label { get; set; }
    public uint GroupId { get; set; }
}

/// <summary>Which ML.NET ranking trainer built a model.</summary>
public enum RankerAlgorithm { LightGbmLambdaMart = 1, FastTreeRanking = 2 }

/// <summary>
/// A learned ranker (ML.NET gradient-boosted trees, LambdaMART objective, one group per vacancy) trained on graded
/// employer decisions. Scoring goes through batch <c>Transform</c>, which is thread-safe, never through a shared
/// <c>PredictionEngine</c> (which is not).
/// </summary>
public sealed class LearnedRanker : IPairScorer
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;

    private LearnedRanker(MLContext ml, ITransformer model, string name) { _ml = ml; _model = model; Name = name; }

    public string Name { get; }

    public ITransformer Model => _model;

    /// <summary>Trains a ranker on feature rows grouped by vacancy (rows of a group must be contiguous).</summary>
    public static LearnedRanker Train(IReadOnlyList<RankingRow> rows, RankerAlgorithm algorithm, int seed = 1)
    {
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(rows);
        var keyed = ml.Transforms.Conversion.MapValueToKey("GroupKey", nameof(RankingRow.GroupId)).Fit(data).Transform(data);
        IEstimator<ITransformer> trainer = algorithm switch
        {
            RankerAlgorithm.LightGbmLambdaMart => ml.Ranking.Trainers.LightGbm(new LightGbmRankingTrainer.Options
            {
                LabelColumnName = nameof(RankingRow.Label), FeatureColumnName = nameof(RankingRow.Features), RowGroupColumnName = "GroupKey",
                NumberOfIterations = 150, NumberOfLeaves = 15, MinimumExampleCountPerLeaf = 20, LearningRate = 0.08, Seed = seed,
                NumberOfThreads = 1, Verbose = false, Silent = true,
            }),
            _ => ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
            {
                LabelColumnName = nameof(RankingRow.Label), FeatureColumnName = nameof(RankingRow.Features), RowGroupColumnName = "GroupKey",
                NumberOfTrees = 150, NumberOfLeaves = 15, MinimumExampleCountPerLeaf = 20, LearningRate = 0.08, NumberOfThreads = 1,
            }),
        };
        var model = trainer.Fit(keyed);
        return new LearnedRanker(ml, model, algorithm == RankerAlgorithm.LightGbmLambdaMart ? "lightgbm-lambdamart" : "fasttree-ranking");
    }

    /// <summary>Loads a model saved by <see cref="Save"/>.</summary>
    public static LearnedRanker Load(string path, string name)
    {
        var ml = new MLContext(1);
        using var stream = File.OpenRead(path);
        return new LearnedRanker(ml, ml.Model.Load(stream, out _), name);
    }

    public void Save(string path)
    {
        var schema = _ml.Data.LoadFromEnumerable(Array.Empty<FeatureRow>()).Schema;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        _ml.Model.Save(_model, schema, stream);
    }

    public void Score(ReadOnlySpan<float> features, int rows, Span<float> scores)
    {
        var batch = new FeatureRow[rows];
        for (var r = 0; r < rows; r++) batch[r] = new FeatureRow { Features = features.Slice(r * PairFeatures.Count, PairFeatures.Count).ToArray() };
        var scored = _model.Transform(_ml.Data.LoadFromEnumerable(batch));
        var r2 = 0;
        foreach (var s in scored.GetColumn<float>("Score")) scores[r2++] = s;
    }

    /// <summary>Scores one row at a time through a PredictionEngine (for the benchmark's throughput comparison only).</summary>
    public double RowByRowPairsPerSecond(ReadOnlySpan<float> features, int rows)
    {
        var engine = _ml.Model.CreatePredictionEngine<FeatureRow, ScoreRow>(_model);
        var input = new FeatureRow { Features = new float[PairFeatures.Count] };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        float sink = 0;
        for (var r = 0; r < rows; r++)
        {
            features.Slice(r * PairFeatures.Count, PairFeatures.Count).CopyTo(input.Features);
            sink += engine.Predict(input).Score;
        }
        watch.Stop();
        return sink == float.MinValue ? 0 : rows / watch.Elapsed.TotalSeconds;
    }

    /// <summary>A row to score: features only.</summary>
    public sealed class FeatureRow
    {
        [VectorType(PairFeatures.Count)]
        public float[] Features { get; set; } = [];
    }

    /// <summary>The score column a ranking model adds.</summary>
    public sealed class ScoreRow
    {
        public float Score { get; set; }
    }
}
