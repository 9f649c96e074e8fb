namespace Matching.Integration.Tests.Infrastructure;

/// <summary>Where the built CLI and portal live, found from the test assembly's own output folder.</summary>
public static class RepositoryLayout
{
    /// <summary>The folder holding Matching.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Build configuration of this test run (Release under ./test.sh), read from bin/&lt;Configuration&gt;/net10.0.</summary>
    public static string Configuration { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent?.Name ?? "Release";

    public static string WebProjectDirectory => Path.Combine(Root, "src", "Matching.Web");

    public static string WebDll => Built("src/Matching.Web", "Matching.Web.dll");

    public static string CliDll => Built("src/Matching.Cli", "matching.dll");

    /// <summary>TestResults/ at the repository root (git-ignored): logs and screenshots of the run.</summary>
    public static string TestResults(string? sub = null)
    {
        var path = sub is null ? Path.Combine(Root, "TestResults") : Path.Combine(Root, "TestResults", sub);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string Built(string project, string dll)
    {
        var path = Path.Combine(Root, project, "bin", Configuration, "net10.0", dll);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is not built: run `dotnet build Matching.sln -c {Configuration}` (./test.sh does).");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Matching.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no Matching.sln above {AppContext.BaseDirectory}.");
    }
}
