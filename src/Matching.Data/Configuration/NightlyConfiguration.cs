using Matching.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matching.Data.Configuration;

internal sealed class MatchRunConfiguration : IEntityTypeConfiguration<MatchRun>
{
    public void Configure(EntityTypeBuilder<MatchRun> b)
    {
        b.HasIndex(r => r.RunKey).IsUnique();
        // Readers take the latest Published run.
        b.HasIndex(r => new { r.Status, r.Id });
        b.Property(r => r.RunKey).HasMaxLength(100);
        b.Property(r => r.FairnessJson).HasColumnType("jsonb");
    }
}

internal sealed class MatchRunChunkConfiguration : IEntityTypeConfiguration<MatchRunChunk>
{
    public void Configure(EntityTypeBuilder<MatchRunChunk> b)
    {
        b.HasKey(c => new { c.RunId, c.ChunkNo });
        b.HasOne<MatchRun>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
        b.Property(c => c.JobId).HasMaxLength(100);
    }
}

internal sealed class MatchRunCandidateConfiguration : IEntityTypeConfiguration<MatchRunCandidate>
{
    public void Configure(EntityTypeBuilder<MatchRunCandidate> b)
    {
        b.HasKey(c => new { c.RunId, c.CandidateId });
        b.HasOne<MatchRun>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

