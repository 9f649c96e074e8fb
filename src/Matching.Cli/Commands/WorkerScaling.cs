using System.Diagnostics;
using System.Globalization;
using Matching.Core.Domain;
using Matching.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Matching.Cli.Commands;

/// <summary>
/// Measures scaling out within one run of <c>bench nightly</c>: the run starts on this process's worker alone; once a
/// third of the chunks are done a standalone worker process joins, sharing the Hangfire storage. The speed-up is the
/// chunks/s of both together against this one alone, each measured once warm (from its first written chunk) and
/// without the run's tail (the last chunks, when a worker has nothing left to take).
/// </summary>
internal sealed class WorkerScaling(int processes, int workersPerProcess)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(double Seconds, int Done)> _timeline = [];
    private readonly List<Process> _workers = [];
    private double? _secondStarted, _secondWarm;
    private int _total;

    /// <summary>Called from the standalone worker's output each time it writes a chunk.</summary>
    public void WorkerWroteChunk()
    {
        lock (_timeline) _secondWarm ??= _clock.Elapsed.TotalSeconds;
    }

    public async Task<MatchRun> WatchAsync(IServiceProvider services, int runId, Func<Process> startWorker, CancellationToken ct)
    {
        var lastDone = -1;
        while (true)
        {
            MatchRun run;
            await using (var scope = services.CreateAsyncScope())
                run = await scope.ServiceProvider.GetRequiredService<MatchingDbContext>().MatchRuns.AsNoTracking().SingleAsync(r => r.Id == runId, ct);
            var now = _clock.Elapsed.TotalSeconds;
            _total = run.ChunksTotal;
            lock (_timeline) _timeline.Add((now, run.ChunksDone));
            if (run.Status is MatchRunStatus.Published or MatchRunStatus.Failed) return run;
            if (run.ChunksDone != lastDone) Console.Error.WriteLine($"run {runId}: {run.ChunksDone}/{run.ChunksTotal} chunks, {now:0} s");
            lastDone = run.ChunksDone;
            if (processes > 1 && _secondStarted is null && run.ChunksDone * 3 >= run.ChunksTotal)
            {
                _secondStarted = now;
                _workers.Add(startWorker());
                Console.Error.WriteLine($"run {runId}: second worker process started at {run.ChunksDone}/{run.ChunksTotal} chunks");
            }
            if (_clock.Elapsed > TimeSpan.FromHours(2)) throw new CliFailure($"run {runId} did not publish within 2 hours ({run.ChunksDone}/{run.ChunksTotal} chunks).");
            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }
    }

    public async Task StopWorkersAsync()
    {
        foreach (var worker in _workers)
        {
            if (!worker.HasExited) worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync(CancellationToken.None);
            worker.Dispose();
        }
        _workers.Clear();
    }

    /// <summary>From the poll that saw every chunk done to the one that saw the run published (to the nearest poll).</summary>
    public double PublishSeconds
    {
        get
        {
            lock (_timeline)
                return _timeline.Count == 0 ? 0 : _timeline[^1].Seconds - _timeline.FirstOrDefault(p => p.Done >= _total, _timeline[^1]).Seconds;
        }
    }

    /// <summary>The line to print, or null when the run had one worker process.</summary>
    public string? Report()
    {
        if (processes < 2) return null;
        List<(double Seconds, int Done)> timeline;
        double? warm;
        lock (_timeline) { timeline = [.. _timeline]; warm = _secondWarm; }
        var detail = $"{workersPerProcess} worker(s) per process on {Environment.ProcessorCount} cores";
        // One alone: from its first chunk to the second process's start. Both: from the second's first chunk to the tail.
        var firstChunk = timeline.FirstOrDefault(p => p.Done > 0);
        var alone = Rate(firstChunk, timeline.LastOrDefault(p => p.Seconds <= _secondStarted));
        var tail = _total - processes * workersPerProcess;
        var both = warm is { } w
            ? Rate(timeline.LastOrDefault(p => p.Seconds <= w), timeline.FirstOrDefault(p => p.Done >= tail))
            : null;
        return alone is { } one && both is { } two
            ? string.Create(CultureInfo.InvariantCulture,
                $"two_workers\tspeed_up={two / one:0.00}x\t({one:0.000} chunks/s with one worker process, {two:0.000} with two; {detail})")
            : $"two_workers\tspeed_up=n/a\t(too few chunks to measure both phases warm; {detail}; use more vacancies or a smaller --chunk)";
    }

    private static double? Rate((double Seconds, int Done) from, (double Seconds, int Done) to) =>
        to.Done > from.Done && to.Seconds > from.Seconds ? (to.Done - from.Done) / (to.Seconds - from.Seconds) : null;
}
