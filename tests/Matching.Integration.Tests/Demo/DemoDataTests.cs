using Matching.Data;
using Matching.Data.Demo;
using Matching.Integration.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Matching.Integration.Tests.Demo;

public sealed class DemoDataTests(MatchingFixture fixture) : MatchingTest(fixture)
{
    [Fact]
    public async Task The_same_seed_generates_the_same_candidates_and_vacancies()
    {
        await using var shared = Fixture.CreateDbContext();
        var expected = await FingerprintsAsync(shared);

        await using var db = MatchingFixture.CreateDbContext(await Fixture.CreateReferenceDatabaseAsync("demo_same_seed"));
        var summary = await DemoDataSeeder.SeedAsync(db, MatchingFixture.Demo, TextWriter.Null, CancellationToken.None);

        Assert.False(summary.AlreadyPresent);
        var actual = await FingerprintsAsync(db);
        Assert.Equal(expected.Candidates, actual.Candidates);
        Assert.Equal(expected.Vacancies, actual.Vacancies);
    }

    [Fact]
    public async Task Another_seed_generates_other_candidates_and_vacancies()
    {
        await using var shared = Fixture.CreateDbContext();
        var first = await FingerprintsAsync(shared);

        await using var db = MatchingFixture.CreateDbContext(await Fixture.CreateReferenceDatabaseAsync("demo_other_seed"));
        await DemoDataSeeder.SeedAsync(db, MatchingFixture.Demo with { Seed = MatchingFixture.Demo.Seed + 1 }, TextWriter.Null, CancellationToken.None);

        var other = await FingerprintsAsync(db);
        Assert.NotEqual(first.Candidates, other.Candidates);
        Assert.NotEqual(first.Vacancies, other.Vacancies);
    }

    [Fact]
    public async Task The_demo_data_has_the_requested_size_is_flagged_synthetic_and_seeding_again_reuses_it()
    {
        await using var db = Fixture.CreateDbContext();
        Assert.Equal(MatchingFixture.Demo.Candidates, await db.Candidates.CountAsync());
        Assert.False(await db.Candidates.AnyAsync(c => !c.IsSynthetic));
        Assert.False(await db.Employers.AnyAsync(e => !e.IsSynthetic));
        Assert.False(await db.Vacancies.AnyAsync(v => !v.IsSynthetic));
        var before = (await db.Candidates.CountAsync(), await db.Employers.CountAsync(), await db.Vacancies.CountAsync());

        var again = await DemoDataSeeder.SeedAsync(db, MatchingFixture.Demo, TextWriter.Null, CancellationToken.None);

        Assert.True(again.AlreadyPresent, again.ToString());
        Assert.Equal(before, (await db.Candidates.CountAsync(), await db.Employers.CountAsync(), await db.Vacancies.CountAsync()));
    }

    private sealed record Fingerprints(IReadOnlyList<string> Candidates, IReadOnlyList<string> Vacancies);

    /// <summary>What a person would call "the same data": every generated attribute, by stable keys (ESCO URIs), no ids or clocks.</summary>
    private static async Task<Fingerprints> FingerprintsAsync(MatchingDbContext db)
    {
        var candidates = await db.Candidates.AsNoTracking().AsSplitQuery()
            .Include(c => c.Identity).Include(c => c.Region).Include(c => c.City).Include(c => c.Languages)
            .Include(c => c.Skills).ThenInclude(s => s.Skill)
            .Include(c => c.DesiredOccupations).ThenInclude(d => d.Occupation)
            .Include(c => c.Experiences)
            .ToListAsync();
        var vacancies = await db.Vacancies.AsNoTracking().AsSplitQuery()
            .Include(v => v.Employer).Include(v => v.Occupation).Include(v => v.City).Include(v => v.Languages)
            .Include(v => v.Skills).ThenInclude(s => s.Skill)
            .ToListAsync();

        Assert.NotEmpty(candidates);
        Assert.NotEmpty(vacancies);
        return new Fingerprints(
            candidates.Select(c => string.Join('|',
                c.PublicNumber, c.Status, c.Gender, c.BirthYear, c.NationalityCode, c.Region?.Code, c.City?.Name,
                c.EducationLevel, c.Wants, c.Identity?.FirstName, c.Identity?.LastName,
                string.Join(',', c.Languages.Select(l => $"{l.Code}:{l.Level}").Order(StringComparer.Ordinal)),
                string.Join(',', c.Skills.Select(s => $"{s.Skill!.Uri}:{s.Level}:{s.Source}").Order(StringComparer.Ordinal)),
                string.Join(',', c.DesiredOccupations.Select(d => d.Occupation!.Uri).Order(StringComparer.Ordinal)),
                string.Join(',', c.Experiences.Select(e => e.Title).Order(StringComparer.Ordinal))))
                .Order(StringComparer.Ordinal).ToList(),
            vacancies.Select(v => string.Join('|',
                v.Employer!.Name, v.Kind, v.Title, v.Occupation?.Uri, v.City?.Name, v.ContractType, v.Positions, v.Status,
                string.Join(',', v.Languages.Select(l => $"{l.Code}:{l.MinLevel}").Order(StringComparer.Ordinal)),
                string.Join(',', v.Skills.Select(s => $"{s.Skill!.Uri}:{s.IsEssential}").Order(StringComparer.Ordinal))))
                .Order(StringComparer.Ordinal).ToList());
    }
}
