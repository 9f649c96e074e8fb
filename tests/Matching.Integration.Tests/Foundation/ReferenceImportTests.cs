using Matching.Core.Reference;
using Matching.Data;
using Matching.Data.Import;
using Matching.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matching.Integration.Tests.Foundation;

public sealed class ReferenceImportTests(MatchingFixture fixture) : MatchingTest(fixture)
{
    [Fact]
    public async Task The_reference_import_loads_every_shipped_occupation_and_region()
    {
        await using var db = Fixture.CreateDbContext();
        var counts = await CountsAsync(db);

        Assert.Equal(CountRecords(ReferenceDataFiles.Esco("occupations_en.csv.gz")), counts["occupations"]);
        Assert.True(counts["skills"] > 10_000, $"only {counts["skills"]} skills imported");
        Assert.True(counts["occupation skills"] > counts["occupations"], "occupations came without their skills");
        Assert.Equal(12, counts["regions"]); // Morocco's 12 regions since the 2015 reform
        Assert.True(counts["cities"] > 0, "the city gazetteer was not imported");
        Assert.All(Fixture.ReferenceImport, s => Assert.False(s.AlreadyPresent, $"{s.Name} was already there in a fresh database"));
    }

    [Fact]
    public async Task A_second_reference_import_reuses_what_is_there_and_changes_no_count()
    {
        await using var db = Fixture.CreateDbContext();
        var before = await CountsAsync(db);

        var summaries = await ReferenceDataImporter.ImportAllAsync(db, TextWriter.Null, CancellationToken.None);

        Assert.NotEmpty(summaries);
        Assert.All(summaries, s => Assert.True(s.AlreadyPresent, $"{s.Name} was imported again: {s}"));
        Assert.Equal(before, await CountsAsync(db));
    }

    [Fact]
    public async Task A_truncated_reference_file_fails_with_a_clear_message_and_imports_nothing()
    {
        var copy = Path.Combine(Path.GetTempPath(), "matching-reference-" + Guid.NewGuid().ToString("N")[..8]);
        CopyDirectory(ReferenceDataFiles.Root, copy);
        const string corrupt = "morocco_regions_divisions_communes.csv";
        TruncateMidRecord(Path.Combine(copy, "morocco", corrupt));

        var connectionString = await Fixture.Cluster.CreateDatabaseAsync("corrupt_reference");
        await using var db = MatchingFixture.CreateDbContext(connectionString);
        await db.Database.MigrateAsync();

        Environment.SetEnvironmentVariable("MATCHING_REFERENCE_DATA", copy);
        Exception failure;
        try
        {
            failure = await Assert.ThrowsAnyAsync<Exception>(() => ReferenceDataImporter.ImportAllAsync(db, TextWriter.Null, CancellationToken.None));
        }
        finally
        {
            Environment.SetEnvironmentVariable("MATCHING_REFERENCE_DATA", null);
            Directory.Delete(copy, recursive: true);
        }

        Assert.Contains(corrupt, failure.Message);
        Assert.Contains("corrupt", failure.Message, StringComparison.OrdinalIgnoreCase);
        db.ChangeTracker.Clear();
        var counts = await CountsAsync(db);
        Assert.All(counts, c => Assert.True(c.Value == 0, $"{c.Value} {c.Key} were left behind by the failed import"));
        Assert.Equal(0, await db.Imports.CountAsync());
    }

    private static async Task<Dictionary<string, int>> CountsAsync(MatchingDbContext db) => new()
    {
        ["occupations"] = await db.Occupations.CountAsync(),
        ["skills"] = await db.Skills.CountAsync(),
        ["occupation skills"] = await db.OccupationSkills.CountAsync(),
        ["isco groups"] = await db.IscoGroups.CountAsync(),
        ["skill broaders"] = await db.SkillBroaders.CountAsync(),
        ["skill relations"] = await db.SkillRelations.CountAsync(),
        ["regions"] = await db.Regions.CountAsync(),
        ["provinces"] = await db.Provinces.CountAsync(),
        ["communes"] = await db.Communes.CountAsync(),
        ["cities"] = await db.Cities.CountAsync(),
    };

    private static int CountRecords(string path)
    {
        using var reader = CsvReader.Open(path);
        return reader.Records().Count();
    }

    /// <summary>Keeps the header and the first half of the rows, then cuts the next row in the middle.</summary>
    private static void TruncateMidRecord(string path)
    {
        var lines = File.ReadAllLines(path);
        var kept = lines.Take(lines.Length / 2).ToList();
        var cut = lines[lines.Length / 2];
        kept.Add(cut[..(cut.IndexOf(',', StringComparison.Ordinal) + 1)]);
        File.WriteAllText(path, string.Join('\n', kept));
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
