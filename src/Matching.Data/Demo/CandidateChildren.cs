using Matching.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Matching.Data.Demo;

/// <summary>
/// The child rows of generated candidates, taken off the object graph so that EF Core only tracks the candidates;
/// once those are saved (and have ids) the children are written with PostgreSQL's binary COPY, in the same
/// transaction. Tens of thousands of skill rows go in well under a second this way.
/// </summary>
internal sealed class CandidateChildren
{
    public List<(Candidate Owner, CandidateLanguage Row)> Languages { get; } = [];
    public List<(Candidate Owner, CandidateExperience Row)> Experiences { get; } = [];
    public List<(Candidate Owner, CandidateSkill Row)> Skills { get; } = [];
    public List<(Candidate Owner, CandidateDesiredOccupation Row)> DesiredOccupations { get; } = [];
    public List<(Candidate Owner, Consent Row)> Consents { get; } = [];

    public static CandidateChildren Detach(IEnumerable<Candidate> candidates)
    {
        var children = new CandidateChildren();
        foreach (var c in candidates)
        {
            children.Languages.AddRange(c.Languages.Select(x => (c, x)));
            children.Experiences.AddRange(c.Experiences.Select(x => (c, x)));
            children.Skills.AddRange(c.Skills.Select(x => (c, x)));
            children.DesiredOccupations.AddRange(c.DesiredOccupations.Select(x => (c, x)));
            children.Consents.AddRange(c.Consents.Select(x => (c, x)));
            c.Languages.Clear();
            c.Experiences.Clear();
            c.Skills.Clear();
            c.DesiredOccupations.Clear();
            c.Consents.Clear();
        }
        return children;
    }

    public async Task CopyAsync(MatchingDbContext db, CancellationToken ct)
    {
        await CopyAsync(db, Languages, ct,
            (nameof(CandidateLanguage.CandidateId), x => x.Owner.Id),
            (nameof(CandidateLanguage.Code), x => x.Row.Code),
            (nameof(CandidateLanguage.Level), x => (int)x.Row.Level));
        await CopyAsync(db, Experiences, ct,
            (nameof(CandidateExperience.CandidateId), x => x.Owner.Id),
            (nameof(CandidateExperience.Title), x => x.Row.Title),
            (nameof(CandidateExperience.OccupationId), x => x.Row.OccupationId),
            (nameof(CandidateExperience.LinkConfidence), x => x.Row.LinkConfidence),
            (nameof(CandidateExperience.Employer), x => x.Row.Employer),
            (nameof(CandidateExperience.Country), x => x.Row.Country),
            (nameof(CandidateExperience.StartedOn), x => x.Row.StartedOn),
            (nameof(CandidateExperience.EndedOn), x => x.Row.EndedOn));
        await CopyAsync(db, Skills, ct,
            (nameof(CandidateSkill.CandidateId), x => x.Owner.Id),
            (nameof(CandidateSkill.SkillId), x => x.Row.SkillId),
            (nameof(CandidateSkill.Level), x => x.Row.Level),
            (nameof(CandidateSkill.Source), x => (int)x.Row.Source));
        await CopyAsync(db, DesiredOccupations, ct,
            (nameof(CandidateDesiredOccupation.CandidateId), x => x.Owner.Id),
            (nameof(CandidateDesiredOccupation.OccupationId), x => x.Row.OccupationId));
        await CopyAsync(db, Consents, ct,
            (nameof(Consent.CandidateId), x => x.Owner.Id),
            (nameof(Consent.Purpose), x => (int)x.Row.Purpose),
            (nameof(Consent.EmployerId), x => x.Row.EmployerId),
            (nameof(Consent.Partner), x => (int?)x.Row.Partner),
            (nameof(Consent.GrantedAt), x => x.Row.GrantedAt),
            (nameof(Consent.RevokedAt), x => x.Row.RevokedAt),
            (nameof(Consent.RecordedBy), x => x.Row.RecordedBy));
    }

    /// <summary>Binary COPY of <paramref name="rows"/> into the table of <typeparamref name="TRow"/>; names come from the EF model.</summary>
    private static async Task CopyAsync<TRow>(MatchingDbContext db, List<(Candidate Owner, TRow Row)> rows, CancellationToken ct,
        params (string Property, Func<(Candidate Owner, TRow Row), object?> Value)[] columns)
    {
        var entity = db.Model.FindEntityType(typeof(TRow)) ?? throw new InvalidOperationException($"{typeof(TRow).Name} is not mapped.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var names = columns.Select(c => Quote(entity.FindProperty(c.Property)!.GetColumnName(table)!));
        var target = table.Schema is null ? Quote(table.Name) : $"{Quote(table.Schema)}.{Quote(table.Name)}";
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {target} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            foreach (var (_, value) in columns)
            {
                switch (value(row))
                {
                    case null: await writer.WriteNullAsync(ct); break;
                    case int i: await writer.WriteAsync(i, NpgsqlDbType.Integer, ct); break;
                    case string s: await writer.WriteAsync(s, NpgsqlDbType.Text, ct); break;
                    case double d: await writer.WriteAsync(d, NpgsqlDbType.Double, ct); break;
                    case DateOnly date: await writer.WriteAsync(date, NpgsqlDbType.Date, ct); break;
                    case DateTimeOffset at: await writer.WriteAsync(at.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct); break;
                    case var other: throw new NotSupportedException($"cannot copy a {other.GetType().Name}.");
                }
            }
        }
        await writer.CompleteAsync(ct);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
