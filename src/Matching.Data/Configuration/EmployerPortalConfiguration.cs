using Matching.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matching.Data.Configuration;

internal sealed class ContactRequestConfiguration : IEntityTypeConfiguration<ContactRequest>
{
    public void Configure(EntityTypeBuilder<ContactRequest> b)
    {
        // One request per (vacancy, candidate): asking twice changes nothing.
        b.HasIndex(r => new { r.VacancyId, r.CandidateId }).IsUnique();
        b.HasIndex(r => new { r.EmployerId, r.CandidateId });
        b.HasOne<Employer>().WithMany().HasForeignKey(r => r.EmployerId);
        b.HasOne<Vacancy>().WithMany().HasForeignKey(r => r.VacancyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Candidate>().WithMany().HasForeignKey(r => r.CandidateId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Message).HasMaxLength(1000);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.HasIndex(n => new { n.Recipient, n.EventKey }).IsUnique();
        b.HasIndex(n => n.SentAt);
        b.Property(n => n.Recipient).HasMaxLength(320);
        b.Property(n => n.EventKey).HasMaxLength(200);
    }
}
