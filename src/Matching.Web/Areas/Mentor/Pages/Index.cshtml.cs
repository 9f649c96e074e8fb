using Matching.Data;
using Matching.Data.Identity;
using Matching.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Matching.Web.Areas.Mentor.Pages;

/// <summary>The mentor's mentees, pseudonymised, with the latest entry of each logbook (carnet de bord).</summary>
public sealed class IndexModel(MatchingDbContext db, UserManager<ApplicationUser> users) : PageModel
{
    public sealed record MenteeRow(int MentorshipId, int PublicNumber, DateOnly StartedOn, DateOnly? EndedOn, DateOnly? LastEntryOn, string? LastEntryText);

    [BindProperty(SupportsGet = true, Name = Paging.Parameter)]
    public int PageNumber { get; set; } = 1;

    public bool IsMentor { get; private set; }
    public PageOf<MenteeRow> Mentees { get; private set; } = Paging.Empty<MenteeRow>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if ((await users.GetUserAsync(User))?.MentorId is not { } mentorId) return;
        IsMentor = true;
        Mentees = await db.Mentorships
            .Where(m => m.MentorId == mentorId)
            .OrderBy(m => m.EndedOn == null ? 0 : 1).ThenByDescending(m => m.StartedOn).ThenBy(m => m.Id)
            .Select(m => new MenteeRow(
                m.Id, m.Candidate!.PublicNumber, m.StartedOn, m.EndedOn,
                m.Entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).Select(e => (DateOnly?)e.Date).FirstOrDefault(),
                m.Entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).Select(e => e.Text).FirstOrDefault()))
            .ToPageAsync(PageNumber, ct);
    }
}
