using Matching.Core.Domain;
using Matching.Data;
using Matching.Web.Infrastructure;
using Matching.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matching.Web.Areas.Employer.Pages.Vacancies;

public enum SkillRequirement { None = 0, Essential = 1, Optional = 2 }

/// <summary>
/// Create or edit a vacancy or internship. The title and skill phrases are linked to ESCO by the linkers
/// (<see cref="ConceptLinks"/>); the user confirms a suggestion, and what was typed but not confirmed is linked on save.
/// Without script: "suggest" buttons post the whole form back and the page comes back with suggestions while keeping
/// what was typed; with script, suggestions come as the user types (<see cref="OnGetOccupationSuggestionsAsync"/>).
/// </summary>
public sealed class EditModel(MatchingDbContext db, IStringLocalizer<SharedResource> t, SkillLabelCache skillLabels) : EmployerPageModel(db)
{
    /// <summary>Languages offered on the form (<see cref="LanguageLevels.Codes"/>).</summary>
    public static IReadOnlyList<string> LanguageCodes => LanguageLevels.Codes;

    public const int MaxPositions = 500;

    public sealed class SkillInput
    {
        public int SkillId { get; set; }
        public SkillRequirement Requirement { get; set; }
        /// <summary>Linker confidence when the skill was linked from a typed phrase.</summary>
        public double? Confidence { get; set; }
    }


    public sealed class VacancyInput
    {
        public VacancyKind Kind { get; set; } = VacancyKind.Job;
        public string? Title { get; set; }
        public string? Description { get; set; }
        public int? OccupationId { get; set; }
        public double? OccupationConfidence { get; set; }
        public int? SiteId { get; set; }
        public int? CityId { get; set; }
        public ContractType ContractType { get; set; } = ContractType.Cdi;
        public int Positions { get; set; } = 1;
        public DateOnly? StartsOn { get; set; }
        public DateOnly? ClosesOn { get; set; }
        public List<SkillInput> Skills { get; set; } = [];
        public List<LanguageLevelInput> Languages { get; set; } = [];
    }

    public sealed record Option(int Id, string Label);

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public VacancyInput Input { get; set; } = new();

    [BindProperty]
    public string? OccupationQuery { get; set; }

    [BindProperty]
    public string? SkillQuery { get; set; }

    public IReadOnlyList<ConceptLinks.Suggestion> OccupationHits { get; private set; } = [];
    public IReadOnlyList<ConceptLinks.Suggestion> SkillHits { get; private set; } = [];
    public bool OccupationSearched { get; private set; }
    public bool SkillSearched { get; private set; }
    public SuggestionList OccupationSuggestions => new(OccupationHits, "occupation", Url.Page("Edit", "ChooseOccupation"), "occupation-hit", OccupationSearched);
    public SuggestionList SkillSuggestions => new(SkillHits, "skill", Url.Page("Edit", "AddSkill"), "skill-hit", SkillSearched);
    public string? OccupationLabel { get; private set; }
    public Dictionary<int, string> SkillLabels { get; private set; } = [];
    public IReadOnlyList<Option> Sites { get; private set; } = [];
    public IReadOnlyList<Option> Cities { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await EmployerIdAsync(ct) is null) return NotFound();
        if (Id is { } id)
        {
            var vacancy = await (await OwnVacanciesAsync(ct)).AsNoTracking()
                .Include(v => v.Skills).Include(v => v.Languages)
                .SingleOrDefaultAsync(v => v.Id == id, ct);
            if (vacancy is null) return NotFound();
            Input = new VacancyInput
            {
                Kind = vacancy.Kind, Title = vacancy.Title, Description = vacancy.Description,
                OccupationId = vacancy.OccupationId, OccupationConfidence = vacancy.OccupationLinkConfidence,
                SiteId = vacancy.SiteId, CityId = vacancy.CityId, ContractType = vacancy.ContractType,
                Positions = vacancy.Positions, StartsOn = vacancy.StartsOn, ClosesOn = vacancy.ClosesOn,
                Skills = vacancy.Skills
                    .Select(s => new SkillInput { SkillId = s.SkillId, Requirement = s.IsEssential ? SkillRequirement.Essential : SkillRequirement.Optional, Confidence = s.LinkConfidence })
                    .ToList(),
                Languages = vacancy.Languages.Select(l => new LanguageLevelInput { Code = l.Code, Level = l.MinLevel }).ToList(),
            };
        }
        else if (Request.Query["kind"] == "internship")
        {
            Input.Kind = VacancyKind.Internship;
            Input.ContractType = ContractType.Internship;
        }
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostSearchOccupationAsync(CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } denied) return denied;
        ModelState.Clear();
        OccupationHits = await ConceptLinks.OccupationsAsync(Db, OccupationQuery ?? Input.Title, ConceptLinks.MaxSuggestions, ct);
        OccupationSearched = true;
        return await ShowAsync(ct);
    }

    /// <summary>The occupation suggestions for <paramref name="q"/> as an HTML fragment, for as-you-type suggestions.</summary>
    public async Task<IActionResult> OnGetOccupationSuggestionsAsync(string? q, CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } denied) return denied;
        OccupationHits = await ConceptLinks.OccupationsAsync(Db, q, ConceptLinks.MaxSuggestions, ct);
        OccupationSearched = true;
        return Partial("_Suggestions", OccupationSuggestions);
    }

    /// <summary>The skill suggestions for <paramref name="q"/> as an HTML fragment, for as-you-type suggestions.</summary>
    public async Task<IActionResult> OnGetSkillSuggestionsAsync(string? q, CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } denied) return denied;
        SkillHits = await ConceptLinks.SkillsAsync(Db, q, ConceptLinks.MaxSuggestions, ct);
        SkillSearched = true;
        return Partial("_Suggestions", SkillSuggestions);
    }

    /// <summary>Links the chosen occupation and proposes its ESCO skills: essential ones required, optional ones listed.</summary>
    /// <param name="occupation">"id|confidence" from the suggestion button.</param>
    public async Task<IActionResult> OnPostChooseOccupationAsync(string? occupation, CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } denied) return denied;
        ModelState.Clear();
        if (!ConceptLinks.TryParseChoice(occupation, out var occupationId, out var confidence)
            || !await Db.Occupations.AnyAsync(o => o.Id == occupationId, ct))
            return await ShowAsync(ct);
        await ConfirmOccupationAsync(occupationId, confidence, ct);
        OccupationQuery = null;
        return await ShowAsync(ct);
    }

    /// <summary>Sets the occupation and adds its ESCO skills after the ones the user already chose.</summary>
    private async Task ConfirmOccupationAsync(int occupationId, double? confidence, CancellationToken ct)
    {
        Input.OccupationId = occupationId;
        Input.OccupationConfidence = confidence;
        var proposed = await Db.OccupationSkills.Where(s => s.OccupationId == occupationId)
            .OrderByDescending(s => s.IsEssential).ThenBy(s => s.SkillId)
            .Select(s => new { s.SkillId, s.IsEssential })
            .ToListAsync(ct);
        // What the user already chose stays; the occupation's skills are added after it.
        var kept = Input.Skills.Where(s => s.Requirement != SkillRequirement.None).ToList();
        var known = kept.Select(s => s.SkillId).ToHashSet();
        kept.AddRange(proposed.Where(p => !known.Contains(p.SkillId)).Select(p => new SkillInput
        {
            SkillId = p.SkillId,
            Requirement = p.IsEssential ? SkillRequirement.Essential : SkillRequirement.None,
        }));
        Input.Skills = kept;
    }

    public async Task<IActionResult> OnPostSearchSkillAsync(CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } denied) return denied;
        ModelState.Clear();
        SkillHits = await ConceptLinks.SkillsAsync(Db, SkillQuery, ConceptLinks.MaxSuggestions, ct);
        SkillSearched = true;
        return await ShowAsync(ct);
    }

    /// <param name="skill">"id|confidence" from the suggestion button.</param>
    public async Task<IActionResult> OnPostAddSkillAsync(string? skill, CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } denied) return denied;
        ModelState.Clear();
        if (ConceptLinks.TryParseChoice(skill, out var skillId, out var confidence) && await Db.Skills.AnyAsync(s => s.Id == skillId, ct))
        {
            AddSkill(skillId, confidence);
            SkillQuery = null;
        }
        return await ShowAsync(ct);
    }

    private void AddSkill(int skillId, double? confidence)
    {
        Input.Skills.RemoveAll(s => s.SkillId == skillId);
        Input.Skills.Insert(0, new SkillInput { SkillId = skillId, Requirement = SkillRequirement.Essential, Confidence = confidence });
    }

    /// <summary>
    /// Links on save what was typed but not confirmed: the title, when no occupation was chosen, and the skill phrase
    /// left in the skill field. The best link is kept with its confidence; the details page shows it, to be changed here.
    /// </summary>
    /// <returns>The occupation linked here, or null when the user had confirmed one (or nothing matched).</returns>
    private async Task<ConceptLinks.Suggestion?> LinkUnconfirmedAsync(CancellationToken ct)
    {
        ConceptLinks.Suggestion? linked = null;
        if (Input.OccupationId is null && await ConceptLinks.OccupationsAsync(Db, Input.Title, 1, ct) is [var occupation, ..])
        {
            await ConfirmOccupationAsync(occupation.Id, occupation.Score, ct);
            linked = occupation;
        }
        if (await ConceptLinks.SkillsAsync(Db, SkillQuery, 1, ct) is [var skill, ..])
            AddSkill(skill.Id, skill.Score);
        return linked;
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } denied) return denied;
        var employerId = (await EmployerIdAsync(ct))!.Value;
        ModelState.Clear();
        await ValidateAsync(employerId, ct);
        if (!ModelState.IsValid) return await ShowAsync(ct);
        var linked = await LinkUnconfirmedAsync(ct);

        Vacancy vacancy;
        if (Id is { } id)
        {
            vacancy = await (await OwnVacanciesAsync(ct)).Include(v => v.Skills).Include(v => v.Languages).SingleAsync(v => v.Id == id, ct);
            vacancy.Skills.Clear();
            vacancy.Languages.Clear();
        }
        else
        {
            vacancy = new Vacancy { EmployerId = employerId, Title = "", CreatedAt = DateTimeOffset.UtcNow, Status = VacancyStatus.Draft };
            Db.Vacancies.Add(vacancy);
        }
        var siteCity = Input.SiteId is { } siteId
            ? await Db.EmployerSites.Where(s => s.Id == siteId).Select(s => (int?)s.CityId).SingleAsync(ct)
            : null;
        vacancy.Kind = Input.Kind;
        vacancy.Title = Input.Title!.Trim();
        vacancy.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        vacancy.OccupationId = Input.OccupationId;
        vacancy.OccupationLinkConfidence = Input.OccupationId is null ? null : ConceptLinks.Confidence(Input.OccupationConfidence);
        vacancy.SiteId = Input.SiteId;
        vacancy.CityId = Input.CityId ?? siteCity;
        vacancy.ContractType = Input.ContractType;
        vacancy.Positions = Input.Positions;
        vacancy.StartsOn = Input.StartsOn;
        vacancy.ClosesOn = Input.ClosesOn;
        foreach (var skill in Input.Skills.Where(s => s.Requirement != SkillRequirement.None).DistinctBy(s => s.SkillId))
            vacancy.Skills.Add(new VacancySkill
            {
                SkillId = skill.SkillId, IsEssential = skill.Requirement == SkillRequirement.Essential, LinkConfidence = ConceptLinks.Confidence(skill.Confidence),
            });
        foreach (var (code, level) in LanguageLevels.Chosen(Input.Languages))
            vacancy.Languages.Add(new VacancyLanguage { Code = code, MinLevel = level });
        await Db.SaveChangesAsync(ct);
        TempData["Flash"] = linked is null
            ? t["Vacancy.Saved"].Value
            : t["Vacancy.SavedLinked", linked.Label, linked.Score.ToString("P0", System.Globalization.CultureInfo.CurrentCulture)].Value;
        return RedirectToPage("Details", new { id = vacancy.Id });
    }

    private async Task ValidateAsync(int employerId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        if (string.IsNullOrWhiteSpace(Input.Title)) ModelState.AddModelError("Input.Title", t["Vacancy.Error.Title"]);
        else if (Input.Title.Trim().Length > 200) ModelState.AddModelError("Input.Title", t["Vacancy.Error.TitleLength"]);
        if (Input.Description?.Length > 4000) ModelState.AddModelError("Input.Description", t["Vacancy.Error.DescriptionLength"]);
        if (!Enum.IsDefined(Input.Kind)) ModelState.AddModelError("Input.Kind", t["Vacancy.Error.Kind"]);
        if (!Enum.IsDefined(Input.ContractType)) ModelState.AddModelError("Input.ContractType", t["Vacancy.Error.Contract"]);
        if (Input.Positions is < 1 or > MaxPositions) ModelState.AddModelError("Input.Positions", t["Vacancy.Error.Positions", MaxPositions]);
        if (Input.SiteId is { } siteId && !await Db.EmployerSites.AnyAsync(s => s.Id == siteId && s.EmployerId == employerId, ct))
            ModelState.AddModelError("Input.SiteId", t["Vacancy.Error.Site"]);
        if (Input.CityId is { } cityId && !await Db.Cities.AnyAsync(c => c.Id == cityId, ct))
            ModelState.AddModelError("Input.CityId", t["Vacancy.Error.City"]);
        if (Input.SiteId is null && Input.CityId is null) ModelState.AddModelError("Input.CityId", t["Vacancy.Error.Place"]);
        if (Input.ClosesOn is { } closes && closes < today) ModelState.AddModelError("Input.ClosesOn", t["Vacancy.Error.ClosesInPast"]);
        if (Input is { StartsOn: { } starts, ClosesOn: { } closesOn } && starts < closesOn)
            ModelState.AddModelError("Input.StartsOn", t["Vacancy.Error.StartsBeforeClosing"]);
        if (Input.OccupationId is { } occupationId && !await Db.Occupations.AnyAsync(o => o.Id == occupationId, ct))
            ModelState.AddModelError("Input.OccupationId", t["Vacancy.Error.Occupation"]);
        var skillIds = Input.Skills.Where(s => s.Requirement != SkillRequirement.None).Select(s => s.SkillId).Distinct().ToList();
        if (skillIds.Count > 0 && await Db.Skills.CountAsync(s => skillIds.Contains(s.Id), ct) != skillIds.Count)
            ModelState.AddModelError("Input.Skills", t["Vacancy.Error.Skills"]);
        if (Input.Skills.Any(s => !Enum.IsDefined(s.Requirement)) || Input.Languages.Any(l => l.Level is { } level && !Enum.IsDefined(level)))
            ModelState.AddModelError("Input.Skills", t["Vacancy.Error.Skills"]);
    }

    /// <summary>404 for an account without organisation or for another organisation's vacancy.</summary>
    private async Task<IActionResult?> GuardAsync(CancellationToken ct)
    {
        if (await EmployerIdAsync(ct) is null) return NotFound();
        if (Id is { } id && !await OwnsVacancyAsync(id, ct)) return NotFound();
        return null;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var employerId = (await EmployerIdAsync(ct))!.Value;
        // Every offered language gets a row, chosen level or not.
        Input.Languages = LanguageLevels.Rows(Input.Languages);
        if (Input.OccupationId is { } occupationId)
        {
            OccupationLabel = await Db.Occupations.Where(o => o.Id == occupationId)
                .Select(o => Display.Occupation(o.LabelEn, o.LabelFr, o.LabelAr)).SingleOrDefaultAsync(ct);
        }
        SkillLabels = await skillLabels.LabelsByIdAsync(Db, Input.Skills.Select(s => s.SkillId), ct);
        Input.Skills = Input.Skills.Where(s => SkillLabels.ContainsKey(s.SkillId)).DistinctBy(s => s.SkillId).ToList();
        Sites = await Db.EmployerSites.Where(s => s.EmployerId == employerId).OrderBy(s => s.Name)
            .Select(s => new Option(s.Id, s.Name)).ToListAsync(ct);
        var cities = await Db.Cities.Select(c => new { c.Id, c.Name, c.NameAr }).ToListAsync(ct);
        Cities = cities.Select(c => new Option(c.Id, Display.City(c.Name, c.NameAr)))
            .OrderBy(c => c.Label, StringComparer.CurrentCulture).ToList();
        return Page();
    }
}
