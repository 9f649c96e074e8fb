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

    /// <summary>
    /// Scores a batch through one <c>Transform</c> over an array-backed <see cref="IDataView"/> (no object per row),
    /// reading the score column with a cursor. The engine already calls this from several threads at once.
    /// </summary>
    public void Score(ReadOnlySpan<float> features, int rows, Span<float> scores) => ScoreBatch(features, rows, scores, 1);

    /// <summary>
    /// Scores a large batch with <paramref name="degree"/> cursors over row ranges read on as many threads (for a
    /// caller scoring one big batch alone, e.g. the nightly run's whole pair set or the benchmark).
    /// </summary>
    public void ScoreBatch(ReadOnlySpan<float> features, int rows, Span<float> scores, int degree)
    {
        if (rows == 0) return;
        var scored = _model.Transform(new FeatureRowsView(features[..(rows * PairFeatures.Count)].ToArray(), rows));
        var column = scored.Schema["Score"];
        var cursors = degree <= 1 ? [scored.GetRowCursor([column])] : scored.GetRowCursorSet([column], degree);
        var results = new float[rows];
        System.Threading.Tasks.Parallel.ForEach(cursors, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, degree) }, cursor =>
        {
            using (cursor)
            {
                var getter = cursor.GetGetter<float>(column);
                var id = cursor.GetIdGetter();
                float value = 0;
                DataViewRowId row = default;
                while (cursor.MoveNext())
                {
                    getter(ref value);
                    id(ref row);
                    results[(int)row.Low] = value;
                }
            }
        });
        results.CopyTo(scores);
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

/// <summary>
/// A read-only <see cref="IDataView"/> over feature rows laid end to end in one array: one "Features" column
/// (a vector of <see cref="PairFeatures.Count"/> floats). Cursors copy a row into ML.NET's buffer on demand, so a
/// batch costs one array instead of one object per pair.
/// </summary>
internal sealed class FeatureRowsView : IDataView
{
    private static readonly DataViewSchema FeaturesSchema = BuildSchema();

    private readonly float[] _features;
    private readonly int _rows;

    public FeatureRowsView(float[] features, int rows)
    {
        if (features.Length < rows * PairFeatures.Count) throw new ArgumentException($"expected {rows} rows of {PairFeatures.Count} features.", nameof(features));
        _features = features;
        _rows = rows;
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema => FeaturesSchema;

    public long? GetRowCount() => _rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) =>
        new Cursor(this, columnsNeeded.Any(c => c.Index == 0), 0, _rows);

    /// <summary>Up to <paramref name="n"/> cursors over contiguous row ranges; row ids are the rows' indices.</summary>
    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
    {
        var active = columnsNeeded.Any(c => c.Index == 0);
        var parts = Math.Clamp(n, 1, Math.Max(1, _rows / 1024));
        var cursors = new DataViewRowCursor[parts];
        for (var p = 0; p < parts; p++)
            cursors[p] = new Cursor(this, active, (int)((long)_rows * p / parts), (int)((long)_rows * (p + 1) / parts));
        return cursors;
    }

    private static DataViewSchema BuildSchema()
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumn(nameof(RankingRow.Features), new VectorDataViewType(NumberDataViewType.Single, PairFeatures.Count));
        return builder.ToSchema();
    }

    /// <summary>A cursor over rows [<paramref name="first"/>, <paramref name="end"/>); Position counts from 0 within the range.</summary>
    private sealed class Cursor(FeatureRowsView view, bool featuresActive, int first, int end) : DataViewRowCursor
    {
        private long _position = -1;
        private int _row = first - 1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => _position;

        public override long Batch => first;

        public override bool MoveNext()
        {
            if (_row + 1 >= end) { _row = end; return false; }
            _row++;
            _position++;
            return true;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => column.Index == 0 && featuresActive;

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)_row, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index != 0 || typeof(TValue) != typeof(VBuffer<float>))
                throw new InvalidOperationException($"only the {nameof(RankingRow.Features)} column (VBuffer<float>) can be read.");
            ValueGetter<VBuffer<float>> getter = (ref VBuffer<float> value) =>
            {
                var editor = VBufferEditor.Create(ref value, PairFeatures.Count);
                view._features.AsSpan(checked(_row * PairFeatures.Count), PairFeatures.Count).CopyTo(editor.Values);
                value = editor.Commit();
            };
            return (ValueGetter<TValue>)(Delegate)getter;
        }
    }
}
