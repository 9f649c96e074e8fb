using Matching.Core.Domain;
using Matching.Data;
using Matching.Web.Infrastructure;
using Matching.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matching.Web.Areas.Employer.Pages.Vacancies;

/// <summary>One vacancy: what was posted, the market preview, and publish / close / duplicate.</summary>
public sealed class DetailsModel(MatchingDbContext db, IStringLocalizer<SharedResource> t) : EmployerPageModel(db)
{
    public sealed record SkillRow(string Label, bool IsEssential);

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public Vacancy Vacancy { get; private set; } = null!;
    public string? OccupationLabel { get; private set; }
    public string? Place { get; private set; }
    public IReadOnlyList<SkillRow> Skills { get; private set; } = [];
    public MarketPreview.Result? Preview { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Problems.Count > 0) return Page();
        await Db.Vacancies.Where(v => v.Id == Id).ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, VacancyStatus.Open), ct);
        TempData["Flash"] = t["Vacancy.Published"].Value;
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct)
    {
        if (!await OwnsVacancyAsync(Id, ct)) return NotFound();
        await Db.Vacancies.Where(v => v.Id == Id).ExecuteUpdateAsync(u => u.SetProperty(v => v.Status, VacancyStatus.Closed), ct);
        TempData["Flash"] = t["Vacancy.ClosedFlash"].Value;
        return RedirectToPage(new { Id });
    }

    /// <summary>A draft copy with the same skills, languages and place; past dates are dropped.</summary>
    public async Task<IActionResult> OnPostDuplicateAsync(CancellationToken ct)
    {
        var source = await (await OwnVacanciesAsync(ct)).AsNoTracking().Include(v => v.Skills).Include(v => v.Languages)
            .SingleOrDefaultAsync(v => v.Id == Id, ct);
        if (source is null) return NotFound();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var copy = new Vacancy
        {
            EmployerId = source.EmployerId, SiteId = source.SiteId, Kind = source.Kind,
            Title = Truncate(t["Vacancy.CopyTitle", source.Title].Value, 200), Description = source.Description,
            OccupationId = source.OccupationId, OccupationLinkConfidence = source.OccupationLinkConfidence,
            CityId = source.CityId, ContractType = source.ContractType, Positions = source.Positions,
            EducationMin = source.EducationMin,
            StartsOn = source.StartsOn >= today ? source.StartsOn : null,
            ClosesOn = source.ClosesOn >= today ? source.ClosesOn : null,
            Status = VacancyStatus.Draft, CreatedAt = DateTimeOffset.UtcNow,
            Skills = source.Skills.Select(s => new VacancySkill { SkillId = s.SkillId, IsEssential = s.IsEssential, LinkConfidence = s.LinkConfidence }).ToList(),
            Languages = source.Languages.Select(l => new VacancyLanguage { Code = l.Code, MinLevel = l.MinLevel }).ToList(),
        };
        Db.Vacancies.Add(copy);
        await Db.SaveChangesAsync(ct);
        TempData["Flash"] = t["Vacancy.Duplicated"].Value;
        return RedirectToPage("Edit", new { id = copy.Id });
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var vacancy = await (await OwnVacanciesAsync(ct)).AsNoTracking()
            .Include(v => v.Languages).Include(v => v.Occupation).Include(v => v.City)
            .SingleOrDefaultAsync(v => v.Id == Id, ct);
        if (vacancy is null) return false;
        Vacancy = vacancy;
        OccupationLabel = vacancy.Occupation is { } o ? Display.Occupation(o.LabelEn, o.LabelFr, o.LabelAr) : null;
        var site = vacancy.SiteId is { } siteId ? await Db.EmployerSites.Where(s => s.Id == siteId).Select(s => s.Name).SingleOrDefaultAsync(ct) : null;
        var city = vacancy.City is { } c ? Display.City(c.Name, c.NameAr) : null;
        Place = string.Join(" — ", new[] { site, city }.Where(p => p is not null));
        Skills = (await Db.VacancySkills.Where(s => s.VacancyId == Id)
                .Select(s => new { s.IsEssential, s.Skill!.LabelEn, s.Skill.LabelFr }).ToListAsync(ct))
            .Select(s => new SkillRow(Display.Skill(s.LabelEn, s.LabelFr), s.IsEssential))
            .OrderByDescending(s => s.IsEssential).ThenBy(s => s.Label, StringComparer.CurrentCulture).ToList();
        Preview = await MarketPreview.ComputeAsync(Db, Id, ct);

        var problems = new List<string>();
        if (!Skills.Any(s => s.IsEssential)) problems.Add(t["Vacancy.Error.NoEssentialSkill"]);
        if (vacancy.CityId is null) problems.Add(t["Vacancy.Error.Place"]);
        if (vacancy.ClosesOn is { } closes && closes < DateOnly.FromDateTime(DateTime.UtcNow)) problems.Add(t["Vacancy.Error.ClosesInPast"]);
        Problems = problems;
        return true;
    }
}
