using Matching.Core.Domain;
using Matching.Data.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matching.Data.Configuration;

internal sealed class CandidateConfiguration : IEntityTypeConfiguration<Candidate>
{
    public void Configure(EntityTypeBuilder<Candidate> b)
    {
        b.HasIndex(c => c.PublicNumber).IsUnique();
        b.HasIndex(c => c.AdviserId);
        b.Property(c => c.NationalityCode).HasMaxLength(2);
        b.HasOne(c => c.Identity).WithOne().HasForeignKey<CandidateIdentity>(i => i.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Province>().WithMany().HasForeignKey(c => c.ProvinceId);
        b.HasMany(c => c.Languages).WithOne().HasForeignKey(l => l.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Experiences).WithOne().HasForeignKey(e => e.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Skills).WithOne().HasForeignKey(s => s.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.DesiredOccupations).WithOne().HasForeignKey(d => d.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Consents).WithOne().HasForeignKey(c => c.CandidateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CandidateIdentityConfiguration : IEntityTypeConfiguration<CandidateIdentity>
{
    public void Configure(EntityTypeBuilder<CandidateIdentity> b) => b.HasKey(i => i.CandidateId);
}

internal sealed class CandidateLanguageConfiguration : IEntityTypeConfiguration<CandidateLanguage>
{
    public void Configure(EntityTypeBuilder<CandidateLanguage> b)
    {
        b.Property(l => l.Code).HasMaxLength(3);
        b.HasIndex(l => new { l.CandidateId, l.Code }).IsUnique();
    }
}

internal sealed class CandidateSkillConfiguration : IEntityTypeConfiguration<CandidateSkill>
{
    public void Configure(EntityTypeBuilder<CandidateSkill> b)
    {
        b.HasKey(s => new { s.CandidateId, s.SkillId });
        b.HasIndex(s => s.SkillId);
    }
}

internal sealed class CandidateDesiredOccupationConfiguration : IEntityTypeConfiguration<CandidateDesiredOccupation>
{
    public void Configure(EntityTypeBuilder<CandidateDesiredOccupation> b)
    {
        b.HasKey(d => new { d.CandidateId, d.OccupationId });
        b.Property(d => d.Title).HasMaxLength(200);
    }
}

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> b)
    {
        b.Ignore(c => c.IsActive);
        b.HasIndex(c => new { c.CandidateId, c.Purpose });
        b.HasOne<Employer>().WithMany().HasForeignKey(c => c.EmployerId);
    }
}

internal sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> b)
    {
        b.HasMany(e => e.Sites).WithOne().HasForeignKey(s => s.EmployerId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Vacancies).WithOne(v => v.Employer).HasForeignKey(v => v.EmployerId);
    }
}

internal sealed class VacancyConfiguration : IEntityTypeConfiguration<Vacancy>
{
    public void Configure(EntityTypeBuilder<Vacancy> b)
    {
        b.HasIndex(v => new { v.EmployerId, v.Status });
        b.HasOne<EmployerSite>().WithMany().HasForeignKey(v => v.SiteId);
        b.HasMany(v => v.Skills).WithOne().HasForeignKey(s => s.VacancyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(v => v.Languages).WithOne().HasForeignKey(l => l.VacancyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VacancySkillConfiguration : IEntityTypeConfiguration<VacancySkill>
{
    public void Configure(EntityTypeBuilder<VacancySkill> b) => b.HasKey(s => new { s.VacancyId, s.SkillId });
}

internal sealed class VacancyLanguageConfiguration : IEntityTypeConfiguration<VacancyLanguage>
{
    public void Configure(EntityTypeBuilder<VacancyLanguage> b) => b.Property(l => l.Code).HasMaxLength(3);
}

/// <summary>
/// matches is LIST-partitioned by run (migration MatchesPartitionedByRun; EF cannot describe partitions, so the
/// migration's SQL is the truth and this model only names the key and columns). A run creates its own partition when
/// it starts (<c>matches_create_partition</c>), its chunks COPY into it with no index and no foreign key to maintain,
/// and <c>matches_index_partition</c> builds its two unique indexes once, just before the run is published.
/// The database has no foreign keys on matches: the run's partition is created by the run itself, and its candidate
/// and vacancy ids come from the run's snapshot (match_run_candidates, the open vacancies of match_run_chunks) taken
/// in one transaction, so a per-row check would prove again what the snapshot already guarantees. Deleting a
/// candidate or a vacancy still removes their matches (statement triggers, as the cascade did). The relationships
/// below only give queries their navigations.
/// </summary>
internal sealed class MatchConfiguration : IEntityTypeConfiguration<Match>
{
    public void Configure(EntityTypeBuilder<Match> b)
    {
        b.HasKey(m => new { m.RunId, m.VacancyId, m.Rank });
        b.HasOne<MatchRun>().WithMany().HasForeignKey(m => m.RunId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.RunId, m.VacancyId, m.CandidateId }).IsUnique();
        // json, not jsonb: the portal reads the document whole and never queries inside it, and json only checks the
        // text where jsonb converts it (about half of an unindexed COPY's server time).
        b.Property(m => m.ExplanationJson).HasColumnType("json");
    }
}

internal sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> b)
    {
        b.HasIndex(d => new { d.VacancyId, d.CandidateId, d.DecidedAt });
        b.HasOne<Candidate>().WithMany().HasForeignKey(d => d.CandidateId);
        b.HasOne<Vacancy>().WithMany().HasForeignKey(d => d.VacancyId);
    }
}

internal sealed class MentorshipConfiguration : IEntityTypeConfiguration<Mentorship>
{
    public void Configure(EntityTypeBuilder<Mentorship> b)
    {
        b.HasMany(m => m.Entries).WithOne().HasForeignKey(e => e.MentorshipId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(m => new { m.MentorId, m.CandidateId });
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.HasOne<Candidate>().WithMany().HasForeignKey(r => r.CandidateId);
        b.HasOne<ServiceOffer>().WithMany().HasForeignKey(r => r.ServiceOfferId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b) => b.HasIndex(a => a.At);
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.HasOne<Employer>().WithMany().HasForeignKey(u => u.EmployerId);
        b.HasOne<Adviser>().WithMany().HasForeignKey(u => u.AdviserId);
        b.HasOne<Mentor>().WithMany().HasForeignKey(u => u.MentorId);
        b.Property(u => u.PreferredCulture).HasMaxLength(5);
    }
}
