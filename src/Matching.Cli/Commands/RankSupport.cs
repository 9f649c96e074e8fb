using System.Globalization;
using Matching.Core.Engine;
using Matching.Core.Engine.Interchange;

namespace Matching.Cli.Commands;

/// <summary>What the engine commands share: reading interchange files, finding the model, choosing the scorer.</summary>
internal static class RankSupport
{
    public const string DefaultModelPath = "models/ranker.zip";

    public static DateOnly ReferenceDate(CliArguments args) =>
        args.Get("date") is not { } raw ? DateOnly.FromDateTime(DateTime.UtcNow)
        : DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new UsageException($"--date must be YYYY-MM-DD, not '{raw}'.");

    public static InterchangeReader Reader(DateOnly referenceDate) =>
        new(TaxonomyGraph.Default, LabelConceptLinker.Default, referenceDate, InterchangeReader.MoroccanCities());

    /// <summary>Runs a read, turning a bad file into one sentence and exit code 1 (nothing is written before).</summary>
    public static T Read<T>(Func<T> read)
    {
        try { return read(); }
        catch (InterchangeFormatException e) { throw new CliFailure($"{e.Message} Fix the line and run again; nothing was written."); }
        catch (FileNotFoundException e) { throw new CliFailure(e.Message); }
    }

    /// <summary>The model path given, else models/ranker.zip from the working folder or beside the program; null when none exists.</summary>
    public static string? FindModel(CliArguments args)
    {
        if (args.Get("model") is { } given) return File.Exists(given) ? given : throw new CliFailure($"model file {given} does not exist; train one with `matching train`.");
        foreach (var candidate in new[] { DefaultModelPath, Path.Combine(AppContext.BaseDirectory, DefaultModelPath) })
            if (File.Exists(candidate)) return candidate;
        return null;
    }

    /// <summary>
    /// auto: the learned model when one exists and the profiles are rich (most candidates declare skills, as in the
    /// data it learned from); the transparent cold-start formula otherwise, e.g. for titles-only profiles.
    /// </summary>
    public static IPairScorer Scorer(CliArguments args, IReadOnlyList<CandidateProfile> candidates)
    {
        var choice = args.Get("scorer") ?? "auto";
        if (choice is not ("auto" or "cold-start" or "model")) throw new UsageException($"--scorer must be auto, cold-start or model, not '{choice}'.");
        if (choice == "cold-start") return new ColdStartScorer();
        var model = FindModel(args);
        if (model is null)
            return choice == "model" ? throw new CliFailure($"no model at {DefaultModelPath}; train one with `matching train` or use --scorer cold-start.") : new ColdStartScorer();
        var rich = candidates.Count(c => c.Skills.Count > 0) >= candidates.Count / 2.0;
        return choice == "model" || rich ? LearnedRanker.Load(model, "model") : new ColdStartScorer();
    }

    public static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
