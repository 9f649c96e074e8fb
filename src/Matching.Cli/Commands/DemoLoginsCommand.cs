using Matching.Data.Demo;

namespace Matching.Cli.Commands;

/// <summary>Prints the demo accounts (one per role) so ./run.sh shows them from the one list in DemoAccounts.</summary>
public sealed class DemoLoginsCommand : ICliCommand
{
    public string Name => "demo logins";
    public string Summary => "print the demo accounts, one per role, and their password";
    public string Usage => "usage: matching demo logins";

    public Task<int> RunAsync(CliArguments args, CancellationToken ct)
    {
        args.AllowOnly();
        if (args.Positional.Count > 0) throw new UsageException($"unexpected argument '{args.Positional[0]}'.");
        Console.Out.WriteLine($"Demo logins (password for all: {DemoAccounts.Password}):");
        foreach (var (email, role, description) in DemoAccounts.All)
            Console.Out.WriteLine($"  {role,-9} {email,-30} {description}");
        return Task.FromResult(0);
    }
}
