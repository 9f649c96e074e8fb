using Matching.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Matching.Data.Configuration;

internal sealed class OccupationConfiguration : IEntityTypeConfiguration<Occupation>
{
    public void Configure(EntityTypeBuilder<Occupation> b)
    {
        b.HasIndex(o => o.Uri).IsUnique();
        b.HasIndex(o => o.IscoCode);
        b.HasOne<Occupation>().WithMany().HasForeignKey(o => o.BroaderOccupationId);
        b.HasMany(o => o.Skills).WithOne(s => s.Occupation).HasForeignKey(s => s.OccupationId);
    }
}

internal sealed class IscoGroupConfiguration : IEntityTypeConfiguration<IscoGroup>
{
    public void Configure(EntityTypeBuilder<IscoGroup> b) => b.HasKey(g => g.Code);
}

internal sealed class SkillConfiguration : IEntityTypeConfiguration<Skill>
{
    public void Configure(EntityTypeBuilder<Skill> b) => b.HasIndex(s => s.Uri).IsUnique();
}

internal sealed class OccupationSkillConfiguration : IEntityTypeConfiguration<OccupationSkill>
{
    public void Configure(EntityTypeBuilder<OccupationSkill> b)
    {
        b.HasKey(x => new { x.OccupationId, x.SkillId });
        b.HasIndex(x => x.SkillId);
    }
}

internal sealed class SkillBroaderConfiguration : IEntityTypeConfiguration<SkillBroader>
{
    public void Configure(EntityTypeBuilder<SkillBroader> b)
    {
        b.HasKey(x => new { x.SkillId, x.BroaderSkillId });
        b.HasOne<Skill>().WithMany().HasForeignKey(x => x.SkillId);
        b.HasOne<Skill>().WithMany().HasForeignKey(x => x.BroaderSkillId);
    }
}

internal sealed class SkillRelationConfiguration : IEntityTypeConfiguration<SkillRelation>
{
    public void Configure(EntityTypeBuilder<SkillRelation> b)
    {
        b.HasKey(x => new { x.SkillId, x.RelatedSkillId });
        b.HasOne<Skill>().WithMany().HasForeignKey(x => x.SkillId);
        b.HasOne<Skill>().WithMany().HasForeignKey(x => x.RelatedSkillId);
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b) => b.HasIndex(r => r.Code).IsUnique();
}

internal sealed class ProvinceConfiguration : IEntityTypeConfiguration<Province>
{
    public void Configure(EntityTypeBuilder<Province> b) => b.HasIndex(p => p.Code).IsUnique();
}

internal sealed class CommuneConfiguration : IEntityTypeConfiguration<Commune>
{
    public void Configure(EntityTypeBuilder<Commune> b)
    {
        b.HasIndex(c => c.Code).IsUnique();
        b.HasOne<Province>().WithMany().HasForeignKey(c => c.ProvinceId);
    }
}

internal sealed class CityConfiguration : IEntityTypeConfiguration<City>
{
    public void Configure(EntityTypeBuilder<City> b) => b.HasIndex(c => c.Name).IsUnique();
}

internal sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> b) => b.HasKey(i => i.Name);
}
