using Matching.Cli.Commands;

namespace Matching.Cli;

/// <summary>A `matching` sub-command: its words (e.g. "db migrate"), a one-line summary and its body.</summary>
public interface ICliCommand
{
    string Name { get; }
    string Summary { get; }
    string Usage { get; }
    Task<int> RunAsync(CliArguments args, CancellationToken ct);
}

/// <summary>Thrown for invalid arguments: the message is printed with the usage and the exit code is 2.</summary>
public sealed class UsageException(string message) : Exception(message);

public static class CommandLine
{
    /// <summary>Every command of the `matching` tool. Later features add theirs here.</summary>
    public static IReadOnlyList<ICliCommand> All { get; } =
    [
        new DbMigrateCommand(),
        new DbSeedCommand(),
        new ImportCommand(),
        new LinkOccupationsCommand(),
        new LinkSkillsCommand(),
        new EvalLinkingCommand(),
        new BenchLinkingCommand(),
        new RankCommand(),
        new TrainCommand(),
        new EvaluateCommand(),
        new InterchangeSynthCommand(),
        new TitlesSynthCommand(),
        new BenchScoringCommand(),
        new TrainLinkerCommand(),
        new NightlyCommand(),
        new BenchNightlyCommand(),
        new BenchShortlistCommand(),
        new DemoLoginsCommand(),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };

        // Longest match first so "db migrate" wins over a hypothetical "db".
        var command = All
            .OrderByDescending(c => c.Name.Split(' ').Length)
            .FirstOrDefault(c => StartsWith(args, c.Name.Split(' ')));
        if (command is null)
        {
            if (args.Length > 0 && args[0] is not ("-h" or "--help" or "help"))
                Console.Error.WriteLine($"matching: unknown command '{string.Join(' ', args)}'.");
            PrintHelp();
            return args.Length > 0 && args[0] is "-h" or "--help" or "help" ? 0 : 2;
        }

        var rest = args.Skip(command.Name.Split(' ').Length).ToArray();
        try
        {
            var parsed = CliArguments.Parse(rest);
            if (parsed.Has("help")) { Console.Out.WriteLine(command.Usage); return 0; }
            return await command.RunAsync(parsed, cts.Token);
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine($"matching {command.Name}: {e.Message}");
            Console.Error.WriteLine(command.Usage);
            return 2;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine($"matching {command.Name}: cancelled.");
            return 130;
        }
        catch (CliFailure e)
        {
            Console.Error.WriteLine($"matching {command.Name}: {e.Message}");
            return 1;
        }
    }

    private static bool StartsWith(string[] args, string[] words) =>
        args.Length >= words.Length && words.Select((w, i) => string.Equals(args[i], w, StringComparison.Ordinal)).All(x => x);

    private static void PrintHelp()
    {
        Console.Error.WriteLine("usage: matching <command> [options]\n\ncommands:");
        foreach (var c in All) Console.Error.WriteLine($"  {c.Name,-22} {c.Summary}");
    }
}

/// <summary>A failure the user can act on: printed as one sentence, exit code 1.</summary>
public sealed class CliFailure(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>`--name value` and `--flag` options; positional words are kept in order.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    public List<string> Positional { get; } = [];

    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var result = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                var name = a[2..];
                string? value = null;
                var eq = name.IndexOf('=', StringComparison.Ordinal);
                if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
                else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)) value = args[++i];
                if (!result._options.TryAdd(name, value)) throw new UsageException($"option --{name} given twice.");
            }
            else result.Positional.Add(a);
        }
        return result;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v : null;

    public string Require(string name) =>
        Get(name) is { Length: > 0 } v ? v : throw new UsageException($"missing --{name}.");

    public int GetInt(string name, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        if (Get(name) is not { } raw) return Has(name) ? throw new UsageException($"--{name} needs a number.") : fallback;
        if (!int.TryParse(raw, System.Globalization.CultureInfo.InvariantCulture, out var v) || v < min || v > max)
            throw new UsageException($"--{name} must be a whole number from {min} to {max}, not '{raw}'.");
        return v;
    }

    /// <summary>Rejects options the command does not know, so a typo is never silently ignored.</summary>
    public void AllowOnly(params string[] names)
    {
        foreach (var key in _options.Keys)
            if (!names.Contains(key)) throw new UsageException($"unknown option --{key}.");
    }
}
