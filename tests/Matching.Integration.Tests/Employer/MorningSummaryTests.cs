using Matching.Core.Domain;
using Matching.Integration.Tests.Infrastructure;
using Matching.Jobs.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Matching.Integration.Tests.Employer;

/// <summary>The morning summary after a published run: new candidates only, open vacancies only, once per user and run.</summary>
public sealed class MorningSummaryTests(MatchingFixture fixture) : MatchingTest(fixture)
{
    private const string EmployerA = "rh@atlas-offshore.demo.ma";

    [Fact]
    public async Task Each_user_of_the_organisation_hears_once_about_candidates_the_previous_run_did_not_list()
    {
        await using var db = Fixture.CreateDbContext();
        var employerId = (await db.Users.SingleAsync(u => u.Email == EmployerA)).EmployerId!.Value;
        var vacancies = await db.Vacancies.Where(v => v.EmployerId == employerId).OrderBy(v => v.Id).Take(3).ToListAsync();
        Assert.Equal(3, vacancies.Count);
        var (same, grown, closed) = (vacancies[0], vacancies[1], vacancies[2]);
        // Vacancies are seeded data that the reset keeps: put their statuses back afterwards.
        var statuses = vacancies.ToDictionary(v => v.Id, v => v.Status);
        try
        {
            foreach (var v in vacancies) v.Status = VacancyStatus.Open;
            closed.Status = VacancyStatus.Closed;
            await db.SaveChangesAsync();
            var candidates = await db.Candidates.OrderBy(c => c.Id).Select(c => c.Id).Take(5).ToListAsync();

            // Yesterday: two candidates on each vacancy. Tonight: the same two on the first, two new ones on the second, a new one on the closed one.
            await PublishedRunAsync(db, [(same.Id, candidates[0]), (same.Id, candidates[1]), (grown.Id, candidates[0]), (grown.Id, candidates[1]), (closed.Id, candidates[0])]);
            var tonight = await PublishedRunAsync(db, [(same.Id, candidates[0]), (same.Id, candidates[1]),
                (grown.Id, candidates[1]), (grown.Id, candidates[2]), (grown.Id, candidates[3]), (closed.Id, candidates[4])]);
            await AssertSummaryAsync(db, employerId, tonight, grown, [same, closed]);
        }
        finally
        {
            db.ChangeTracker.Clear();
            foreach (var (id, status) in statuses)
                await db.Vacancies.Where(v => v.Id == id).ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, status));
        }
    }

    private static async Task AssertSummaryAsync(Data.MatchingDbContext db, int employerId, int tonight, Vacancy grown, Vacancy[] unchanged)
    {
        var job = new EmployerMorningSummaryJob(db, TimeProvider.System, NullLogger<EmployerMorningSummaryJob>.Instance);
        var users = await db.Users.Where(u => u.EmployerId == employerId).Select(u => u.Id).OrderBy(id => id).ToListAsync();
        Assert.Equal(users.Count, await job.RunAsync(tonight, CancellationToken.None));
        Assert.Equal(0, await job.RunAsync(tonight, CancellationToken.None));

        var sent = await db.Notifications.Where(n => n.EventKey == EmployerMorningSummaryJob.EventKey(tonight)).OrderBy(n => n.Recipient).ToListAsync();
        Assert.Equal(users.Select(id => $"user:{id}").Order(StringComparer.Ordinal), sent.Select(n => n.Recipient).Order(StringComparer.Ordinal));
        Assert.All(sent, n =>
        {
            Assert.Contains($"{grown.Title} : 2 nouveau(x)", n.Body, StringComparison.Ordinal);
            Assert.Contains($"/Employer/Shortlist/{grown.Id}", n.Body, StringComparison.Ordinal);
            Assert.All(unchanged, v => Assert.DoesNotContain($"/Employer/Shortlist/{v.Id}", n.Body, StringComparison.Ordinal));
        });
        Assert.Equal(sent.Count, await db.Notifications.CountAsync());
    }

    private static async Task<int> PublishedRunAsync(Data.MatchingDbContext db, (int VacancyId, int CandidateId)[] pairs)
    {
        var run = new MatchRun { Status = MatchRunStatus.Published, CreatedAt = DateTimeOffset.UtcNow, PublishedAt = DateTimeOffset.UtcNow, ModelVersion = "test" };
        db.MatchRuns.Add(run);
        await db.SaveChangesAsync();
        db.Matches.AddRange(pairs.Select((p, i) => new Match { RunId = run.Id, VacancyId = p.VacancyId, CandidateId = p.CandidateId, Score = 1, Rank = i + 1 }));
        await db.SaveChangesAsync();
        return run.Id;
    }
}
