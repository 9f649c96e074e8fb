using Matching.Core.Domain;
using Matching.Data;
using Matching.Web.Infrastructure;
using Matching.Data.Identity;
using Matching.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Matching.Web.Areas.Employer.Pages.Organisation;

/// <summary>
/// The organisation: profile, CSR label (an Admin verifies it), sites and team. HR managers change things;
/// recruiters read. Inviting creates an Employer account without password and queues the invitation in the outbox,
/// with a link to choose the password (see <see cref="Pages.Account.SetPasswordModel"/>).
/// </summary>
public sealed class IndexModel(MatchingDbContext db, UserManager<ApplicationUser> users, IStringLocalizer<SharedResource> t, IOptions<PortalOptions> portal)
    : EmployerPageModel(db)
{
    public const string HrManager = "HrManager";
    public const string Recruiter = "Recruiter";
    public static readonly string[] TeamRoles = [HrManager, Recruiter];

    /// <summary>What an employer may declare; Verified (and Expired) are an Admin's call.</summary>
    public static readonly CsrLabelStatus[] DeclarableLabels = [CsrLabelStatus.None, CsrLabelStatus.Applied, CsrLabelStatus.Labelled];

    public sealed class ProfileInput
    {
        public string? Name { get; set; }
        public string? Sector { get; set; }
        public CsrLabelStatus CsrLabel { get; set; }
        public DateOnly? CsrLabelDate { get; set; }
    }

    public sealed class SiteInput
    {
        public string? Name { get; set; }
        public int? CityId { get; set; }
        public string? Address { get; set; }
    }

    public sealed class InviteInput
    {
        public string? Email { get; set; }
        public string? DisplayName { get; set; }
        public string TeamRole { get; set; } = Recruiter;
    }

    public sealed record SiteRow(int Id, string Name, string City, string? Address);
    public sealed record MemberRow(string DisplayName, string? Email, string? TeamRole, bool HasPassword);
    public sealed record CityOption(int Id, string Label);

    [BindProperty] public ProfileInput Profile { get; set; } = new();
    [BindProperty] public SiteInput Site { get; set; } = new();
    [BindProperty] public InviteInput Invite { get; set; } = new();

    public CsrLabelStatus CurrentLabel { get; private set; }
    public bool CanManage { get; private set; }
    public IReadOnlyList<SiteRow> Sites { get; private set; } = [];
    public IReadOnlyList<MemberRow> Team { get; private set; } = [];
    public IReadOnlyList<CityOption> Cities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await EmployerIdAsync(ct) is not { } employerId) return NotFound();
        var employer = await Db.Employers.AsNoTracking().SingleAsync(e => e.Id == employerId, ct);
        Profile = new ProfileInput { Name = employer.Name, Sector = employer.Sector, CsrLabel = employer.CsrLabel, CsrLabelDate = employer.CsrLabelDate };
        return await ShowAsync(employerId, ct);
    }

    public async Task<IActionResult> OnPostProfileAsync(CancellationToken ct)
    {
        if (await ManagedEmployerAsync(ct) is not { } employerId) return NotFound();
        ModelState.Clear();
        var name = Profile.Name?.Trim();
        var sector = Profile.Sector?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200) ModelState.AddModelError("Profile.Name", t["Organisation.Error.Name"]);
        if (string.IsNullOrEmpty(sector) || sector.Length > 200) ModelState.AddModelError("Profile.Sector", t["Organisation.Error.Sector"]);
        var employer = await Db.Employers.SingleAsync(e => e.Id == employerId, ct);
        var labelChanged = Profile.CsrLabel != employer.CsrLabel || Profile.CsrLabelDate != employer.CsrLabelDate;
        // A verified label stays verified while the employer leaves it alone; any change needs a new verification.
        if (labelChanged && !DeclarableLabels.Contains(Profile.CsrLabel)) ModelState.AddModelError("Profile.CsrLabel", t["Organisation.Error.Label"]);
        if (labelChanged && Profile.CsrLabel == CsrLabelStatus.Labelled && Profile.CsrLabelDate is null)
            ModelState.AddModelError("Profile.CsrLabelDate", t["Organisation.Error.LabelDate"]);
        if (Profile.CsrLabelDate > DateOnly.FromDateTime(DateTime.UtcNow)) ModelState.AddModelError("Profile.CsrLabelDate", t["Organisation.Error.LabelFuture"]);
        if (!ModelState.IsValid) return await ShowAsync(employerId, ct);
        employer.Name = name!;
        employer.Sector = sector!;
        if (labelChanged)
        {
            employer.CsrLabel = Profile.CsrLabel;
            employer.CsrLabelDate = Profile.CsrLabelDate;
        }
        await Db.SaveChangesAsync(ct);
        TempData["Flash"] = t["Organisation.Saved"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSiteAsync(CancellationToken ct)
    {
        if (await ManagedEmployerAsync(ct) is not { } employerId) return NotFound();
        ModelState.Clear();
        var name = Site.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200) ModelState.AddModelError("Site.Name", t["Organisation.Error.SiteName"]);
        if (Site.CityId is not { } cityId || !await Db.Cities.AnyAsync(c => c.Id == cityId, ct))
            ModelState.AddModelError("Site.CityId", t["Vacancy.Error.City"]);
        if (!ModelState.IsValid) return await ReloadAsync(employerId, ct);
        Db.EmployerSites.Add(new EmployerSite
        {
            EmployerId = employerId, Name = name!, CityId = Site.CityId!.Value,
            Address = string.IsNullOrWhiteSpace(Site.Address) ? null : Site.Address.Trim(),
        });
        await Db.SaveChangesAsync(ct);
        TempData["Flash"] = t["Organisation.SiteAdded"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (await ManagedEmployerAsync(ct) is not { } employerId) return NotFound();
        ModelState.Clear();
        var email = Invite.Email?.Trim();
        var displayName = Invite.DisplayName?.Trim();
        if (string.IsNullOrEmpty(email) || !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email))
            ModelState.AddModelError("Invite.Email", t["Organisation.Error.Email"]);
        else if (await users.FindByEmailAsync(email) is not null)
            ModelState.AddModelError("Invite.Email", t["Organisation.Error.EmailTaken"]);
        if (string.IsNullOrEmpty(displayName) || displayName.Length > 100) ModelState.AddModelError("Invite.DisplayName", t["Organisation.Error.DisplayName"]);
        if (!TeamRoles.Contains(Invite.TeamRole)) ModelState.AddModelError("Invite.TeamRole", t["Organisation.Error.TeamRole"]);
        if (!ModelState.IsValid) return await ReloadAsync(employerId, ct);

        await using var transaction = await Db.Database.BeginTransactionAsync(ct);
        var user = new ApplicationUser
        {
            UserName = email, Email = email, DisplayName = displayName!, EmployerId = employerId, EmployerTeamRole = Invite.TeamRole,
            PreferredCulture = Cultures.CurrentLanguage,
        };
        var created = await users.CreateAsync(user);
        if (created.Succeeded) created = await users.AddToRoleAsync(user, Roles.Employer);
        if (!created.Succeeded)
        {
            ModelState.AddModelError("Invite.Email", t["Organisation.Error.Invite"]);
            return await ReloadAsync(employerId, ct);
        }
        var employerName = await Db.Employers.Where(e => e.Id == employerId).Select(e => e.Name).SingleAsync(ct);
        // The invited member has no password yet: the link carries a single-use password-reset token to choose one.
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = portal.Value.AbsoluteLink(Request, Url.Page("/Account/SetPassword", pageHandler: null, values: new { area = "", userId = user.Id, token })!);
        Db.Notifications.Add(new Notification
        {
            Recipient = $"email:{email}",
            EventKey = $"team-invite:{user.Id}",
            Subject = t["Organisation.InviteSubject", employerName].Value,
            Body = t["Organisation.InviteBody", displayName!, employerName, t["TeamRole." + Invite.TeamRole], link].Value,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await Db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Flash"] = t["Organisation.Invited", email!].Value;
        return RedirectToPage();
    }

    /// <summary>The employer id when the signed-in user is its HR manager; null (→ 404) otherwise.</summary>
    private async Task<int?> ManagedEmployerAsync(CancellationToken ct)
    {
        var employerId = await EmployerIdAsync(ct);
        var userId = UserId;
        return employerId is not null && await Db.Users.AnyAsync(u => u.Id == userId && u.EmployerTeamRole == HrManager, ct) ? employerId : null;
    }

    private async Task<IActionResult> ReloadAsync(int employerId, CancellationToken ct)
    {
        var employer = await Db.Employers.AsNoTracking().SingleAsync(e => e.Id == employerId, ct);
        Profile = new ProfileInput { Name = employer.Name, Sector = employer.Sector, CsrLabel = employer.CsrLabel, CsrLabelDate = employer.CsrLabelDate };
        return await ShowAsync(employerId, ct);
    }

    private async Task<IActionResult> ShowAsync(int employerId, CancellationToken ct)
    {
        var userId = UserId;
        CurrentLabel = await Db.Employers.Where(e => e.Id == employerId).Select(e => e.CsrLabel).SingleAsync(ct);
        CanManage = await Db.Users.AnyAsync(u => u.Id == userId && u.EmployerTeamRole == HrManager, ct);
        Sites = (await Db.EmployerSites.AsNoTracking().Where(s => s.EmployerId == employerId).OrderBy(s => s.Name)
                .Select(s => new { s.Id, s.Name, CityName = s.City!.Name, CityNameAr = s.City.NameAr, s.Address }).ToListAsync(ct))
            .Select(s => new SiteRow(s.Id, s.Name, Display.City(s.CityName, s.CityNameAr), s.Address)).ToList();
        Team = await Db.Users.AsNoTracking().Where(u => u.EmployerId == employerId).OrderBy(u => u.DisplayName)
            .Select(u => new MemberRow(u.DisplayName, u.Email, u.EmployerTeamRole, u.PasswordHash != null)).ToListAsync(ct);
        if (CanManage)
        {
            Cities = (await Db.Cities.Select(c => new { c.Id, c.Name, c.NameAr }).ToListAsync(ct))
                .Select(c => new CityOption(c.Id, Display.City(c.Name, c.NameAr)))
                .OrderBy(c => c.Label, StringComparer.CurrentCulture).ToList();
        }
        return Page();
    }
}
