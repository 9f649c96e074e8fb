using System.Globalization;
using System.Net.Mail;
using System.Security.Claims;
using System.Text.Json;
using Matching.Core.Domain;
using Matching.Data;
using Matching.Web.Infrastructure;
using Matching.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Matching.Web.Areas.Adviser.Pages.Profiles;

/// <summary>
/// Create or edit the profile of a candidate the adviser follows. Desired job titles and skill phrases are typed as
/// people say them and linked to ESCO by the linkers (<see cref="ConceptLinks"/>): the adviser confirms a suggestion,
/// and what is left typed is linked on save; each link keeps the linker's confidence. Identity (name, contact) is
/// stored apart from the matchable profile. Another adviser's candidate answers 404; every save writes an audit row.
/// </summary>
public sealed class EditModel(MatchingDbContext db, IStringLocalizer<SharedResource> t, TimeProvider clock, SkillLabelCache skillLabels) : PageModel
{
    public const string CreateAction = "create-profile";
    public const string EditAction = "edit-profile";
    public const int MaxMobilityKm = 500;

    /// <summary>Length of <see cref="CandidateDesiredOccupation.Title"/> in the database.</summary>
    public const int MaxTitleLength = 200;

    public sealed class DesiredInput
    {
        public int OccupationId { get; set; }
        /// <summary>What was typed, e.g. "aide soignante".</summary>
        public string? Title { get; set; }
        public double? Confidence { get; set; }
        /// <summary>Unticked by the adviser: dropped from the profile.</summary>
        public bool Keep { get; set; } = true;
    }

    public sealed class SkillInput
    {
        public int SkillId { get; set; }
        public double? Confidence { get; set; }
        public bool Keep { get; set; } = true;
    }


    public sealed class ProfileInput
    {
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public MigrationStatus Status { get; set; } = MigrationStatus.RegularisedMigrant;
        public DateOnly? DocumentExpiresOn { get; set; }
        public int? CityId { get; set; }
        public int MobilityKm { get; set; } = 30;
        public DateOnly? AvailableFrom { get; set; }
        public bool WantsJob { get; set; } = true;
        public bool WantsInternship { get; set; }
        public bool IsActive { get; set; } = true;
        /// <summary>The candidate agrees to be matched (pseudonymised) with vacancies.</summary>
        public bool ConsentMatching { get; set; }
        public List<DesiredInput> Desired { get; set; } = [];
        public List<SkillInput> Skills { get; set; } = [];
        public List<LanguageLevelInput> Languages { get; set; } = [];
    }

    public sealed record Option(int Id, string Label);

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    /// <summary>A desired job title as typed, before it is confirmed.</summary>
    [BindProperty]
    public string? TitleQuery { get; set; }

    /// <summary>Skill phrases or a sentence from the CV, before the skills are confirmed.</summary>
    [BindProperty]
    public string? SkillText { get; set; }

    public int? PublicNumber { get; private set; }
    public DateTimeOffset? ConsentGrantedAt { get; private set; }
    public IReadOnlyList<ConceptLinks.Suggestion> TitleHits { get; private set; } = [];
    public IReadOnlyList<ConceptLinks.Suggestion> SkillHits { get; private set; } = [];
    public bool TitleSearched { get; private set; }
    public bool SkillSearched { get; private set; }
    public SuggestionList TitleSuggestions => new(TitleHits, "occupation", Url.Page("Edit", "ChooseTitle"), "title-hit", TitleSearched);
    public SuggestionList SkillSuggestions => new(SkillHits, "skill", Url.Page("Edit", "AddSkill"), "skill-hit", SkillSearched);
    public Dictionary<int, string> OccupationLabels { get; private set; } = [];
    public Dictionary<int, string> SkillLabels { get; private set; } = [];
    public IReadOnlyList<Option> Cities { get; private set; } = [];

    private string? UserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await AdviserIdAsync(ct) is not { } adviserId) return NotFound();
        if (Id is { } id)
        {
            var candidate = await db.Candidates.AsNoTracking()
                .Include(c => c.Identity).Include(c => c.Languages).Include(c => c.Skills).Include(c => c.DesiredOccupations)
                .SingleOrDefaultAsync(c => c.Id == id && c.AdviserId == adviserId, ct);
            if (candidate is null) return NotFound();
            Input = new ProfileInput
            {
                FirstName = candidate.Identity?.FirstName, LastName = candidate.Identity?.LastName,
                Phone = candidate.Identity?.Phone, Email = candidate.Identity?.Email,
                Status = candidate.Status, DocumentExpiresOn = candidate.DocumentExpiresOn, CityId = candidate.CityId,
                MobilityKm = candidate.MobilityKm, AvailableFrom = candidate.AvailableFrom,
                WantsJob = candidate.Wants.HasFlag(OpportunityKinds.Job), WantsInternship = candidate.Wants.HasFlag(OpportunityKinds.Internship),
                IsActive = candidate.IsActive,
                ConsentMatching = await ActiveMatchingConsent(id).AnyAsync(ct),
                Desired = candidate.DesiredOccupations
                    .Select(d => new DesiredInput { OccupationId = d.OccupationId, Title = d.Title, Confidence = d.LinkConfidence }).ToList(),
                Skills = candidate.Skills.Select(s => new SkillInput { SkillId = s.SkillId, Confidence = s.LinkConfidence }).ToList(),
                Languages = candidate.Languages.Select(l => new LanguageLevelInput { Code = l.Code, Level = l.Level }).ToList(),
            };
            if (candidate.Identity is not null)
            {
                // Showing a name and contact is a read of identity, audited like the caseload list.
                Audit(IndexModel.AuditAction, id, new { page = "profile" });
                await db.SaveChangesAsync(ct);
            }
        }
        return await ShowAsync(ct);
    }

    /// <summary>The occupation suggestions for <paramref name="q"/> as an HTML fragment, for as-you-type suggestions.</summary>
    public async Task<IActionResult> OnGetTitleSuggestionsAsync(string? q, CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } denied) return denied;
        TitleHits = await ConceptLinks.OccupationsAsync(db, q, ConceptLinks.MaxSuggestions, ct);
        TitleSearched = true;
        return Partial("_Suggestions", TitleSuggestions);
    }

    /// <summary>The skill suggestions for <paramref name="q"/> as an HTML fragment, for as-you-type suggestions.</summary>
    public async Task<IActionResult> OnGetSkillSuggestionsAsync(string? q, CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } denied) return denied;
        SkillHits = await ConceptLinks.SkillsAsync(db, q, ConceptLinks.MaxSuggestions, ct);
        SkillSearched = true;
        return Partial("_Suggestions", SkillSuggestions);
    }

    public async Task<IActionResult> OnPostSuggestTitleAsync(CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } denied) return denied;
        ModelState.Clear();
        TitleHits = await ConceptLinks.OccupationsAsync(db, TitleQuery, ConceptLinks.MaxSuggestions, ct);
        TitleSearched = true;
        return await ShowAsync(ct);
    }

    /// <param name="occupation">"id|confidence" from the suggestion button.</param>
    public async Task<IActionResult> OnPostChooseTitleAsync(string? occupation, CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } denied) return denied;
        ModelState.Clear();
        if (ConceptLinks.TryParseChoice(occupation, out var occupationId, out var confidence) && await db.Occupations.AnyAsync(o => o.Id == occupationId, ct))
        {
            AddDesired(occupationId, TitleQuery, confidence);
            TitleQuery = null;
        }
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostSuggestSkillsAsync(CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } denied) return denied;
        ModelState.Clear();
        SkillHits = await ConceptLinks.SkillsAsync(db, SkillText, ConceptLinks.MaxSuggestions, ct);
        SkillSearched = true;
        return await ShowAsync(ct);
    }

    /// <param name="skill">"id|confidence" from the suggestion button.</param>
    public async Task<IActionResult> OnPostAddSkillAsync(string? skill, CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } denied) return denied;
        ModelState.Clear();
        if (ConceptLinks.TryParseChoice(skill, out var skillId, out var confidence) && await db.Skills.AnyAsync(s => s.Id == skillId, ct))
        {
            AddSkill(skillId, confidence);
            // The sentence stays: it may name other skills still to confirm.
            SkillHits = await ConceptLinks.SkillsAsync(db, SkillText, ConceptLinks.MaxSuggestions, ct);
            SkillHits = SkillHits.Where(h => Input.Skills.TrueForAll(s => s.SkillId != h.Id)).ToList();
            SkillSearched = SkillHits.Count > 0;
            if (!SkillSearched) SkillText = null;
        }
        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (await AdviserIdAsync(ct) is not { } adviserId) return NotFound();
        if (Id is { } ownedId && !await db.Candidates.AnyAsync(c => c.Id == ownedId && c.AdviserId == adviserId, ct)) return NotFound();
        ModelState.Clear();
        await ValidateAsync(ct);
        if (!ModelState.IsValid) return await ShowAsync(ct);
        await LinkUnconfirmedAsync(ct);

        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Candidate candidate;
        if (Id is { } id)
        {
            candidate = await db.Candidates.Include(c => c.Identity).Include(c => c.Languages).Include(c => c.Skills).Include(c => c.DesiredOccupations)
                .SingleAsync(c => c.Id == id, ct);
        }
        else
        {
            // Two advisers saving new profiles at once would read the same maximum: the transaction-scoped lock
            // makes the second wait until the first has committed its number.
            await db.Database.ExecuteSqlRawAsync("select pg_advisory_xact_lock(hashtext('candidates.public_number'))", ct);
            var number = (await db.Candidates.MaxAsync(c => (int?)c.PublicNumber, ct) ?? 1000) + 1;
            candidate = new Candidate { PublicNumber = number, AdviserId = adviserId, CreatedAt = now, Gender = Gender.Undisclosed };
            db.Candidates.Add(candidate);
        }
        var city = await db.Cities.Where(c => c.Id == Input.CityId).Select(c => new { c.Id, c.RegionId }).SingleAsync(ct);
        candidate.Status = Input.Status;
        candidate.DocumentExpiresOn = Input.DocumentExpiresOn;
        if (candidate.CityId != city.Id) candidate.ProvinceId = null;
        candidate.CityId = city.Id;
        candidate.RegionId = city.RegionId;
        candidate.MobilityKm = Input.MobilityKm;
        candidate.AvailableFrom = Input.AvailableFrom;
        candidate.Wants = (Input.WantsJob ? OpportunityKinds.Job : OpportunityKinds.None) | (Input.WantsInternship ? OpportunityKinds.Internship : OpportunityKinds.None);
        candidate.IsActive = Input.IsActive;
        candidate.Identity ??= new CandidateIdentity { FirstName = "", LastName = "" };
        candidate.Identity.FirstName = Input.FirstName!.Trim();
        candidate.Identity.LastName = Input.LastName!.Trim();
        candidate.Identity.Phone = Blank(Input.Phone);
        candidate.Identity.Email = Blank(Input.Email);

        candidate.DesiredOccupations.Clear();
        foreach (var desired in Input.Desired.Where(d => d.Keep).DistinctBy(d => d.OccupationId))
            candidate.DesiredOccupations.Add(new CandidateDesiredOccupation
            {
                OccupationId = desired.OccupationId, Title = Cut(desired.Title, MaxTitleLength),
                LinkConfidence = ConceptLinks.Confidence(desired.Confidence),
            });
        // Skills keep their level and source (an assessment stays an assessment); removed ones go.
        var skills = Input.Skills.Where(s => s.Keep).DistinctBy(s => s.SkillId).ToDictionary(s => s.SkillId);
        candidate.Skills.RemoveAll(s => !skills.ContainsKey(s.SkillId));
        foreach (var skill in skills.Values)
        {
            var existing = candidate.Skills.Find(s => s.SkillId == skill.SkillId);
            if (existing is null) candidate.Skills.Add(new CandidateSkill { SkillId = skill.SkillId, LinkConfidence = ConceptLinks.Confidence(skill.Confidence) });
            else existing.LinkConfidence = ConceptLinks.Confidence(skill.Confidence);
        }
        candidate.Languages.Clear();
        foreach (var (code, level) in LanguageLevels.Chosen(Input.Languages))
            candidate.Languages.Add(new CandidateLanguage { Code = code, Level = level });
        await db.SaveChangesAsync(ct);

        var consentChange = await RecordConsentAsync(candidate.Id, now, ct);
        Audit(Id is null ? CreateAction : EditAction, candidate.Id, new
        {
            desired = candidate.DesiredOccupations.Select(d => new { d.OccupationId, d.LinkConfidence }),
            skills = candidate.Skills.Count,
            languages = candidate.Languages.Count,
            consent = consentChange,
            candidate.IsActive,
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        TempData["Flash"] = t["Profile.Saved"].Value;
        return RedirectToPage("Edit", new { id = candidate.Id });
    }

    /// <summary>Links what was typed but not confirmed: the title field's best occupation, each skill phrase's best skill.</summary>
    private async Task LinkUnconfirmedAsync(CancellationToken ct)
    {
        if (await ConceptLinks.OccupationsAsync(db, TitleQuery, 1, ct) is [var occupation, ..])
            AddDesired(occupation.Id, TitleQuery, occupation.Score);
        foreach (var phrase in ConceptLinks.Phrases(SkillText))
            if (await ConceptLinks.SkillsAsync(db, phrase, 1, ct) is [var skill, ..])
                AddSkill(skill.Id, skill.Score);
    }

    /// <summary>Grants or revokes the matching consent to follow the checkbox; returns what changed, for the audit row.</summary>
    private async Task<string?> RecordConsentAsync(int candidateId, DateTimeOffset now, CancellationToken ct)
    {
        var active = await ActiveMatchingConsent(candidateId).ToListAsync(ct);
        if (Input.ConsentMatching && active.Count == 0)
        {
            var adviserName = await db.Users.Where(u => u.Id == UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(ct);
            db.Consents.Add(new Consent { CandidateId = candidateId, Purpose = ConsentPurpose.Matching, GrantedAt = now, RecordedBy = adviserName });
            return "granted";
        }
        if (!Input.ConsentMatching && active.Count > 0)
        {
            foreach (var consent in active) consent.RevokedAt = now;
            return "revoked";
        }
        return null;
    }

    private IQueryable<Consent> ActiveMatchingConsent(int candidateId) =>
        db.Consents.Where(c => c.CandidateId == candidateId && c.Purpose == ConsentPurpose.Matching && c.RevokedAt == null);

    private void AddDesired(int occupationId, string? title, double? confidence)
    {
        Input.Desired.RemoveAll(d => d.OccupationId == occupationId);
        Input.Desired.Add(new DesiredInput { OccupationId = occupationId, Title = ConceptLinks.Clean(title), Confidence = confidence });
    }

    private void AddSkill(int skillId, double? confidence)
    {
        Input.Skills.RemoveAll(s => s.SkillId == skillId);
        Input.Skills.Add(new SkillInput { SkillId = skillId, Confidence = confidence });
    }

    private void Audit(string action, int candidateId, object details) => db.AuditLog.Add(new AuditEntry
    {
        At = clock.GetUtcNow(),
        UserId = UserId,
        Action = action,
        EntityType = nameof(Candidate),
        EntityId = candidateId.ToString(CultureInfo.InvariantCulture),
        Details = JsonSerializer.Serialize(details),
    });

    private async Task ValidateAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.FirstName) || Input.FirstName.Trim().Length > 100) ModelState.AddModelError("Input.FirstName", t["Profile.Error.FirstName"]);
        if (string.IsNullOrWhiteSpace(Input.LastName) || Input.LastName.Trim().Length > 100) ModelState.AddModelError("Input.LastName", t["Profile.Error.LastName"]);
        if (Input.Phone?.Trim().Length > 30) ModelState.AddModelError("Input.Phone", t["Profile.Error.Phone"]);
        if (Blank(Input.Email) is { } email && (email.Length > 200 || !MailAddress.TryCreate(email, out _)))
            ModelState.AddModelError("Input.Email", t["Profile.Error.Email"]);
        if (!Enum.IsDefined(Input.Status)) ModelState.AddModelError("Input.Status", t["Profile.Error.Status"]);
        if (Input.CityId is not { } cityId || !await db.Cities.AnyAsync(c => c.Id == cityId, ct)) ModelState.AddModelError("Input.CityId", t["Profile.Error.City"]);
        if (Input.MobilityKm is < 0 or > MaxMobilityKm) ModelState.AddModelError("Input.MobilityKm", t["Profile.Error.Mobility", MaxMobilityKm]);
        if (!Input.WantsJob && !Input.WantsInternship) ModelState.AddModelError("Input.WantsJob", t["Profile.Error.Wants"]);
        if (Input.Languages.Any(l => l.Level is { } level && !Enum.IsDefined(level))) ModelState.AddModelError("Input.Languages", t["Profile.Error.Languages"]);
        var occupationIds = Input.Desired.Where(d => d.Keep).Select(d => d.OccupationId).Distinct().ToList();
        if (occupationIds.Count > 0 && await db.Occupations.CountAsync(o => occupationIds.Contains(o.Id), ct) != occupationIds.Count)
            ModelState.AddModelError("Input.Desired", t["Profile.Error.Occupations"]);
        var skillIds = Input.Skills.Where(s => s.Keep).Select(s => s.SkillId).Distinct().ToList();
        if (skillIds.Count > 0 && await db.Skills.CountAsync(s => skillIds.Contains(s.Id), ct) != skillIds.Count)
            ModelState.AddModelError("Input.Skills", t["Profile.Error.Skills"]);
    }

    /// <summary>404 for an account without adviser, or for a candidate another adviser follows.</summary>
    private async Task<IActionResult?> GuardAsync(CancellationToken ct)
    {
        if (await AdviserIdAsync(ct) is not { } adviserId) return NotFound();
        if (Id is { } id && !await db.Candidates.AnyAsync(c => c.Id == id && c.AdviserId == adviserId, ct)) return NotFound();
        return null;
    }

    private async Task<int?> AdviserIdAsync(CancellationToken ct)
    {
        var userId = UserId;
        return userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.AdviserId).SingleOrDefaultAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Input.Desired = Input.Desired.Where(d => d.Keep).DistinctBy(d => d.OccupationId).ToList();
        Input.Skills = Input.Skills.Where(s => s.Keep).DistinctBy(s => s.SkillId).ToList();
        Input.Languages = LanguageLevels.Rows(Input.Languages);
        var occupationIds = Input.Desired.Select(d => d.OccupationId).ToList();
        OccupationLabels = await db.Occupations.Where(o => occupationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.LabelEn, o.LabelFr, o.LabelAr })
            .ToDictionaryAsync(o => o.Id, o => Display.Occupation(o.LabelEn, o.LabelFr, o.LabelAr), ct);
        SkillLabels = await skillLabels.LabelsByIdAsync(db, Input.Skills.Select(s => s.SkillId), ct);
        Input.Desired = Input.Desired.Where(d => OccupationLabels.ContainsKey(d.OccupationId)).ToList();
        Input.Skills = Input.Skills.Where(s => SkillLabels.ContainsKey(s.SkillId)).ToList();
        if (Id is { } id)
        {
            PublicNumber = await db.Candidates.Where(c => c.Id == id).Select(c => (int?)c.PublicNumber).SingleOrDefaultAsync(ct);
            ConsentGrantedAt = await ActiveMatchingConsent(id).OrderByDescending(c => c.GrantedAt).Select(c => (DateTimeOffset?)c.GrantedAt).FirstOrDefaultAsync(ct);
        }
        var cities = await db.Cities.Select(c => new { c.Id, c.Name, c.NameAr }).ToListAsync(ct);
        Cities = cities.Select(c => new Option(c.Id, Display.City(c.Name, c.NameAr)))
            .OrderBy(c => c.Label, StringComparer.CurrentCulture).ToList();
        return Page();
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string? Cut(string? text, int length) => Blank(text) is { } trimmed && trimmed.Length > length ? trimmed[..length] : Blank(text);
}
