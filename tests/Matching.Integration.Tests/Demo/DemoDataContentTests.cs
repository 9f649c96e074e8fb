using Matching.Core.Domain;
using Matching.Data;
using Matching.Data.Demo;
using Matching.Data.Identity;
using Matching.Integration.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Matching.Integration.Tests.Demo;

/// <summary>What the demo must contain for the portals to be shown: logins, their rows, and data drawn from ESCO.</summary>
public sealed class DemoDataContentTests(MatchingFixture fixture) : MatchingTest(fixture)
{
    [Fact]
    public async Task Every_demo_account_signs_in_with_the_demo_password_and_has_its_role()
    {
        await using var db = Fixture.CreateDbContext();
        var hasher = new PasswordHasher<ApplicationUser>();
        foreach (var (email, role, _) in DemoAccounts.All)
        {
            var normalized = email.ToUpperInvariant();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.NormalizedEmail == normalized);
            Assert.Equal(email.ToUpperInvariant(), user.NormalizedUserName);
            Assert.True(user.EmailConfirmed, email);
            Assert.Equal(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(user, user.PasswordHash!, DemoAccounts.Password));
            Assert.NotEqual(PasswordVerificationResult.Success, hasher.VerifyHashedPassword(user, user.PasswordHash!, DemoAccounts.Password + "x"));
            var roles = await db.UserRoles.Where(ur => ur.UserId == user.Id)
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync();
            Assert.Equal([role], roles);
        }
        Assert.Equal(Roles.All.Order(), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order());
    }

    [Fact]
    public async Task The_demo_employers_have_open_vacancies_and_the_adviser_and_mentor_a_caseload()
    {
        await using var db = Fixture.CreateDbContext();
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Email!);

        var employers = DemoAccounts.All.Where(a => a.Role == Roles.Employer).Select(a => users[a.Email].EmployerId).ToList();
        var names = await db.Employers.Where(e => employers.Contains(e.Id)).Select(e => e.Name).OrderBy(n => n).ToListAsync();
        Assert.Equal(["Atlas Offshore Services", "BatiSud Construction"], names);
        foreach (var employerId in employers)
            Assert.True(await db.Vacancies.CountAsync(v => v.EmployerId == employerId && v.Status == VacancyStatus.Open) >= 8);

        var adviserId = users[DemoAccounts.All.Single(a => a.Role == Roles.Adviser).Email].AdviserId;
        Assert.True(await db.Candidates.CountAsync(c => c.AdviserId == adviserId) >= 10);
        var mentorId = users[DemoAccounts.All.Single(a => a.Role == Roles.Mentor).Email].MentorId;
        Assert.True(await db.Mentorships.CountAsync(m => m.MentorId == mentorId) >= 8);
        Assert.Null(users[DemoAccounts.All.Single(a => a.Role == Roles.Admin).Email].EmployerId);
    }

    [Fact]
    public async Task Skills_come_from_the_ESCO_relations_of_the_occupations_they_are_attached_to()
    {
        await using var db = Fixture.CreateDbContext();
        var vacancySkillsOutside = await (
            from vs in db.VacancySkills
            join v in db.Vacancies on vs.VacancyId equals v.Id
            where !db.OccupationSkills.Any(os => os.OccupationId == v.OccupationId && os.SkillId == vs.SkillId && os.IsEssential == vs.IsEssential)
            select vs).CountAsync();
        Assert.Equal(0, vacancySkillsOutside);
        Assert.True(await db.VacancySkills.CountAsync(vs => vs.IsEssential) > await db.VacancySkills.CountAsync(vs => !vs.IsEssential));

        var candidateSkillsOutside = await db.CandidateSkills.CountAsync(cs => !db.OccupationSkills.Any(os => os.SkillId == cs.SkillId && (
            db.CandidateDesiredOccupations.Any(d => d.CandidateId == cs.CandidateId && d.OccupationId == os.OccupationId) ||
            db.CandidateExperiences.Any(e => e.CandidateId == cs.CandidateId && e.OccupationId == os.OccupationId))));
        Assert.Equal(0, candidateSkillsOutside);
        Assert.True(await db.CandidateSkills.AnyAsync());
        Assert.False(await db.CandidateSkills.AnyAsync(cs => cs.Level < 1 || cs.Level > 4));
    }

    [Fact]
    public async Task Dates_are_relative_to_the_pinned_day()
    {
        var today = new DateOnly(2031, 3, 14);
        await using var db = MatchingFixture.CreateDbContext(await Fixture.CreateReferenceDatabaseAsync("demo_pinned_day"));
        await DemoDataSeeder.SeedAsync(db, MatchingFixture.Demo with { Today = today }, TextWriter.Null, CancellationToken.None);

        Assert.False(await db.Vacancies.AnyAsync(v => v.Status == VacancyStatus.Open && v.ClosesOn < today));
        Assert.True(await db.Vacancies.AnyAsync(v => v.Status == VacancyStatus.Open));
        Assert.True(await db.Candidates.AnyAsync(c => c.DocumentExpiresOn >= today && c.DocumentExpiresOn <= today.AddDays(60)));
        Assert.False(await db.Candidates.AnyAsync(c => c.Status == MigrationStatus.Returnee && c.DocumentExpiresOn != null));
        Assert.False(await db.Candidates.AnyAsync(c => c.BirthYear > today.Year - 18));
        var record = await db.Imports.SingleAsync(i => i.Name == DemoDataSeeder.ImportName);
        Assert.Contains("2031-03-14", record.Version, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_reference_data_seeding_fails_with_one_sentence_and_writes_nothing()
    {
        var connectionString = await Fixture.Cluster.CreateDatabaseAsync("demo_no_reference");
        await using var db = MatchingFixture.CreateDbContext(connectionString);
        await db.Database.MigrateAsync();

        var error = await Assert.ThrowsAsync<MissingReferenceDataException>(
            () => DemoDataSeeder.SeedAsync(db, MatchingFixture.Demo, TextWriter.Null, CancellationToken.None));

        Assert.Contains("import the reference data first: matching import reference", error.Message, StringComparison.Ordinal);
        Assert.False(await db.Imports.AnyAsync());
        Assert.False(await db.Employers.AnyAsync());
    }
}
