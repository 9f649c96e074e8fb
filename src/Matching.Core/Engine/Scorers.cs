namespace Matching.Core.Engine;

/// <summary>
/// Scores feature rows in batches. Implementations are thread-safe: the nightly pipeline scores several vacancy
/// chunks at once with one shared scorer.
/// </summary>
public interface IPairScorer
{
    /// <summary>Short name shown in outputs and model cards ("cold-start", "lightgbm-lambdamart"…).</summary>
    string Name { get; }

    /// <summary>Scores <paramref name="rows"/> rows of <see cref="PairFeatures.Count"/> features laid end to end.</summary>
    void Score(ReadOnlySpan<float> features, int rows, Span<float> scores);
}

/// <summary>
/// The transparent formula used until enough employer decisions exist: a weighted sum of features, so every
/// score splits exactly into per-feature contributions for the explanation.
/// </summary>
public sealed class ColdStartScorer : IPairScorer
{
    /// <summary>Weights in <see cref="PairFeatures"/> order; they sum to 1 over the positive features.</summary>
    public static IReadOnlyList<float> DefaultWeights { get; } = Weights(
        (PairFeatures.EssentialSkillCoverage, 0.24f), (PairFeatures.EssentialSkillDirect, 0.04f), (PairFeatures.OptionalSkillCoverage, 0.04f),
        (PairFeatures.DesiredOccupationSimilarity, 0.12f), (PairFeatures.ExperienceOccupationSimilarity, 0.14f),
        (PairFeatures.RelatedExperienceYears, 0.05f), (PairFeatures.TitleSimilarity, 0.16f), (PairFeatures.LanguageFit, 0.07f),
        (PairFeatures.LanguagesMissing, -0.03f), (PairFeatures.DistanceFit, 0.06f), (PairFeatures.SamePlace, 0.04f),
        (PairFeatures.AvailabilityFit, 0.02f), (PairFeatures.InternshipSuitability, 0.01f), (PairFeatures.EducationFit, 0.01f));

    private readonly float[] _weights;

    public ColdStartScorer(IReadOnlyList<float>? weights = null)
    {
        _weights = (weights ?? DefaultWeights).ToArray();
        if (_weights.Length != PairFeatures.Count) throw new ArgumentException($"expected {PairFeatures.Count} weights.", nameof(weights));
    }

    public string Name => "cold-start";

    public IReadOnlyList<float> FeatureWeights => _weights;

    public void Score(ReadOnlySpan<float> features, int rows, Span<float> scores)
    {
        for (var r = 0; r < rows; r++)
        {
            var row = features.Slice(r * PairFeatures.Count, PairFeatures.Count);
            float sum = 0;
            for (var f = 0; f < _weights.Length; f++) sum += _weights[f] * row[f];
            scores[r] = sum;
        }
    }

    /// <summary>Each feature's share of the score (weight × value), in feature order.</summary>
    public float[] Contributions(ReadOnlySpan<float> row)
    {
        var result = new float[PairFeatures.Count];
        for (var f = 0; f < result.Length; f++) result[f] = _weights[f] * row[f];
        return result;
    }

    private static float[] Weights(params (int Feature, float Weight)[] pairs)
    {
        var w = new float[PairFeatures.Count];
        foreach (var (f, v) in pairs) w[f] = v;
        return w;
    }
}

/// <summary>A uniformly random scorer (the floor every ranker must beat), reproducible from its seed.</summary>
public sealed class RandomScorer(int seed) : IPairScorer
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();

    public string Name => "random";

    public void Score(ReadOnlySpan<float> features, int rows, Span<float> scores)
    {
        lock (_gate)
            for (var r = 0; r < rows; r++) scores[r] = _random.NextSingle();
    }
}
