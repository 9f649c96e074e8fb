using System.Collections.Concurrent;
using Matching.Core.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Matching.Jobs.Nightly;

/// <summary>A run's indexed candidate pool and the engine that scores against it.</summary>
public sealed record RunScoring(int RunId, MatchingEngine Engine, CandidatePool Pool, IReadOnlyDictionary<string, CandidateProfile> Candidates, IReadOnlyDictionary<string, int> SkillIds);

/// <summary>
/// Keeps the candidate pool of the run being scored in memory, built once per process from the run's snapshot:
/// every chunk of the run that lands on this worker reuses it. Only the latest run is kept.
/// </summary>
public sealed class RunScoringCache(IOptions<JobsOptions> options, ILogger<RunScoringCache> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, IPairScorer> _scorers = new(StringComparer.Ordinal);
    private RunScoring? _current;

    public async Task<RunScoring> GetAsync(NpgsqlConnection connection, int runId, DateOnly referenceDate, string modelVersion, CancellationToken ct)
    {
        if (_current is { } hit && hit.RunId == runId) return hit;
        await _gate.WaitAsync(ct);
        try
        {
            if (_current is { } again && again.RunId == runId) return again;
            _current = null; // let the previous pool go before building the next one
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var graph = TaxonomyGraph.Default;
            var candidates = await new ProfileLoader(graph).CandidatesOfRunAsync(connection, runId, referenceDate, ct);
            var engine = new MatchingEngine(graph, Scorer(modelVersion), new EngineOptions { Top = options.Value.ShortlistLength });
            var pool = engine.IndexCandidates(candidates);
            _current = new RunScoring(runId, engine, pool, candidates.ToDictionary(c => c.Id, StringComparer.Ordinal), await SkillIdsAsync(connection, ct));
            logger.LogInformation("Run {Run}: indexed {Count} candidates in {Seconds:0.0} s", runId, candidates.Count, watch.Elapsed.TotalSeconds);
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<Dictionary<string, int>> SkillIdsAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("select id, uri from skills", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids[reader.GetString(1)] = reader.GetInt32(0);
        return ids;
    }

    /// <summary>The scorer a new run records: the learned model when its file exists, else the cold-start formula.</summary>
    public string CurrentModelVersion() => ModelFile() is { } path ? $"model:{Path.GetFileName(path)}:{File.GetLastWriteTimeUtc(path):yyyyMMddHHmmss}" : "cold-start";

    /// <summary>A run keeps the scorer it started with, so chunks scored before and after a retraining agree.</summary>
    private IPairScorer Scorer(string modelVersion) => _scorers.GetOrAdd(modelVersion, v =>
        v == "cold-start" || ModelFile() is not { } path ? new ColdStartScorer() : LearnedRanker.Load(path, "model"));

    public string? ModelFile()
    {
        // Relative paths are tried from the working folder and its parents (a project folder inside the repository), then beside the program.
        var configured = options.Value.ModelPath;
        if (Path.IsPathRooted(configured)) return File.Exists(configured) ? configured : null;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (Path.Combine(dir.FullName, configured) is var path && File.Exists(path)) return path;
        var beside = Path.Combine(AppContext.BaseDirectory, configured);
        return File.Exists(beside) ? beside : null;
    }
}
