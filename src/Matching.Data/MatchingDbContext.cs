using Matching.Core.Domain;
using Matching.Data.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Matching.Data;

public class MatchingDbContext(DbContextOptions<MatchingDbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Occupation> Occupations => Set<Occupation>();
    public DbSet<IscoGroup> IscoGroups => Set<IscoGroup>();
    public DbSet<Skill> Skills => Set<Skill>();
    public DbSet<OccupationSkill> OccupationSkills => Set<OccupationSkill>();
    public DbSet<SkillBroader> SkillBroaders => Set<SkillBroader>();
    public DbSet<SkillRelation> SkillRelations => Set<SkillRelation>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Province> Provinces => Set<Province>();
    public DbSet<Commune> Communes => Set<Commune>();
    public DbSet<City> Cities => Set<City>();
    public DbSet<Candidate> Candidates => Set<Candidate>();
    public DbSet<CandidateIdentity> CandidateIdentities => Set<CandidateIdentity>();
    public DbSet<CandidateLanguage> CandidateLanguages => Set<CandidateLanguage>();
    public DbSet<CandidateExperience> CandidateExperiences => Set<CandidateExperience>();
    public DbSet<CandidateSkill> CandidateSkills => Set<CandidateSkill>();
    public DbSet<CandidateDesiredOccupation> CandidateDesiredOccupations => Set<CandidateDesiredOccupation>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<Employer> Employers => Set<Employer>();
    public DbSet<EmployerSite> EmployerSites => Set<EmployerSite>();
    public DbSet<Vacancy> Vacancies => Set<Vacancy>();
    public DbSet<VacancySkill> VacancySkills => Set<VacancySkill>();
    public DbSet<VacancyLanguage> VacancyLanguages => Set<VacancyLanguage>();
    public DbSet<MatchRun> MatchRuns => Set<MatchRun>();
    public DbSet<Match> Matches => Set<Match>();
    public DbSet<Decision> Decisions => Set<Decision>();
    public DbSet<MatchRunChunk> MatchRunChunks => Set<MatchRunChunk>();
    public DbSet<MatchRunCandidate> MatchRunCandidates => Set<MatchRunCandidate>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<Adviser> Advisers => Set<Adviser>();
    public DbSet<Mentor> Mentors => Set<Mentor>();
    public DbSet<Mentorship> Mentorships => Set<Mentorship>();
    public DbSet<LogbookEntry> LogbookEntries => Set<LogbookEntry>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<ServiceOffer> ServiceOffers => Set<ServiceOffer>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<ContactRequest> ContactRequests => Set<ContactRequest>();
    public DbSet<ImportRecord> Imports => Set<ImportRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("pg_trgm");
        builder.HasPostgresExtension("unaccent");
        builder.ApplyConfigurationsFromAssembly(typeof(MatchingDbContext).Assembly);
        SnakeCaseNames.Apply(builder);
    }
}

/// <summary>Which reference or demo data set has been imported, so that seeding is idempotent.</summary>
public class ImportRecord
{
    public required string Name { get; set; }
    public required string Version { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public int Rows { get; set; }
}
