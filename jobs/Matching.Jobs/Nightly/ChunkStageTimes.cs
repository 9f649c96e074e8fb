using System.Diagnostics;

namespace Matching.Jobs.Nightly;

/// <summary>
/// Time spent by the chunks of this process in each stage, summed over chunks (so over workers too): the benchmark
/// reads it to show where a run's time goes (scoring, explanations, the database write).
/// </summary>
public static class ChunkStageTimes
{
    private static long _load, _score, _explain, _write;

    public static TimeSpan Load => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _load));
    public static TimeSpan Score => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _score));
    public static TimeSpan Explain => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _explain));
    public static TimeSpan Write => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _write));

    internal static void AddLoad(long since) => Interlocked.Add(ref _load, Stopwatch.GetTimestamp() - since);
    internal static void AddScore(long since) => Interlocked.Add(ref _score, Stopwatch.GetTimestamp() - since);
    internal static void AddExplain(long since) => Interlocked.Add(ref _explain, Stopwatch.GetTimestamp() - since);
    internal static void AddWrite(long since) => Interlocked.Add(ref _write, Stopwatch.GetTimestamp() - since);
}
