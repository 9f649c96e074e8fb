using System.Globalization;
using Matching.Core.Domain;
using Matching.Core.Engine;
using Npgsql;

namespace Matching.Jobs.Nightly;

/// <summary>What <see cref="SyntheticPopulation.WriteAsync"/> wrote.</summary>
public sealed record PopulationSummary(int Candidates, int Vacancies, long Rows, TimeSpan Elapsed);

/// <summary>
/// Writes <see cref="SyntheticWorld"/> candidates and open vacancies to PostgreSQL with binary COPY, for the nightly
/// benchmark and the pipeline's tests. Concepts are written by URI: an imported ESCO taxonomy is reused, and an empty
/// database gets the taxonomy graph's concepts. Every candidate gets an active Matching consent.
/// </summary>
public static class SyntheticPopulation
{
    public static async Task<PopulationSummary> WriteAsync(NpgsqlConnection connection, TaxonomyGraph graph, IReadOnlyList<CandidateProfile> candidates,
        IReadOnlyList<VacancyProfile> vacancies, DateOnly referenceDate, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        long rows = 0;
        await using var tx = await connection.BeginTransactionAsync(ct);
        var (skillIds, occupationIds) = await TaxonomyAsync(connection, graph, ct);
        var cities = await CitiesAsync(connection, ct);
        var employerId = await NightlyPipeline.ScalarAsync<int>(connection, tx,
            "insert into employers (name, sector, csr_label, is_synthetic) values ('Employeur synthétique', 'Synthétique', 0, true) returning id", ct);
        var now = DateTimeOffset.UtcNow;
        int? City(GeoPlace place) => place.Name is { } n && cities.TryGetValue(n, out var id) ? id : null;

        var firstCandidate = await NextIdsAsync(connection, "candidates", candidates.Count, ct);
        rows += await CopyAsync(connection, "candidates (id, public_number, status, gender, city_id, education_level, available_from, mobility_km, wants, is_active, document_expires_on, is_synthetic, created_at)",
            candidates.Select((c, i) => new object?[] { firstCandidate + i, firstCandidate + i, (int)MigrationStatus.RegularisedMigrant, (int)Gender.Undisclosed, City(c.Location),
                (int?)c.Education, c.AvailableFrom, c.MobilityKm, (int)c.Wants, true, c.WorkAuthorisedUntil, true, now }), ct);
        rows += await CopyAsync(connection, "consents (candidate_id, purpose, granted_at, recorded_by)",
            candidates.Select((_, i) => new object?[] { firstCandidate + i, (int)ConsentPurpose.Matching, now, "synthetic" }), ct);
        rows += await CopyAsync(connection, "candidate_skills (candidate_id, skill_id, level, source)",
            candidates.SelectMany((c, i) => c.Skills.DistinctBy(s => s.Skill).Select(s => new object?[] { firstCandidate + i, skillIds[s.Skill], s.Level, (int)SkillSource.Declared })), ct);
        rows += await CopyAsync(connection, "candidate_languages (candidate_id, code, level)",
            candidates.SelectMany((c, i) => c.Languages.Select(l => new object?[] { firstCandidate + i, l.Code, (int)l.Level })), ct);
        rows += await CopyAsync(connection, "candidate_desired_occupations (candidate_id, occupation_id)",
            candidates.SelectMany((c, i) => c.DesiredOccupations.Select(o => o.Occupation).Distinct().Select(o => new object?[] { firstCandidate + i, occupationIds[o] })), ct);
        rows += await CopyAsync(connection, "candidate_experiences (candidate_id, title, occupation_id, started_on, ended_on)",
            candidates.SelectMany((c, i) => c.Experiences.Select(e => new object?[] { firstCandidate + i,
                e.Title ?? (e.Occupation >= 0 ? graph.OccupationLabel(e.Occupation, "fr") : "emploi"), e.Occupation >= 0 ? occupationIds[e.Occupation] : null,
                referenceDate.AddDays(-(int)Math.Round(e.Years * 365.25)), referenceDate })), ct);

        var firstVacancy = await NextIdsAsync(connection, "vacancies", vacancies.Count, ct);
        rows += await CopyAsync(connection, "vacancies (id, employer_id, kind, title, occupation_id, city_id, contract_type, positions, education_min, starts_on, status, is_synthetic, created_at)",
            vacancies.Select((v, i) => new object?[] { firstVacancy + i, employerId, (int)v.Kind, v.Title.Length > 0 ? v.Title : "Offre", v.Occupation >= 0 ? occupationIds[v.Occupation] : null,
                City(v.Location), (int)(v.Kind == VacancyKind.Internship ? ContractType.Internship : ContractType.Cdd), v.Positions, (int?)v.EducationMin, v.StartDate,
                (int)VacancyStatus.Open, true, now }), ct);
        rows += await CopyAsync(connection, "vacancy_skills (vacancy_id, skill_id, is_essential)",
            vacancies.SelectMany((v, i) => v.EssentialSkills.Select(s => (s, true)).Concat(v.OptionalSkills.Select(s => (s, false))).DistinctBy(x => x.s)
                .Select(x => new object?[] { firstVacancy + i, skillIds[x.s], x.Item2 })), ct);
        rows += await CopyAsync(connection, "vacancy_languages (vacancy_id, code, min_level)",
            vacancies.SelectMany((v, i) => v.Languages.Select(l => new object?[] { firstVacancy + i, l.Code, (int)l.Level })), ct);
        await tx.CommitAsync(ct);
        await NightlyPipeline.ExecuteAsync(connection, null, "analyze", ct);
        return new PopulationSummary(candidates.Count, vacancies.Count, rows, watch.Elapsed);
    }

    /// <summary>Database ids of the graph's skills and occupations (by URI), writing the graph's concepts into an empty taxonomy.</summary>
    private static async Task<(int[] Skills, int[] Occupations)> TaxonomyAsync(NpgsqlConnection connection, TaxonomyGraph graph, CancellationToken ct)
    {
        if (await NightlyPipeline.ScalarAsync<long>(connection, null, "select count(*) from skills", ct) == 0)
        {
            await CopyAsync(connection, "skills (id, uri, type, reuse_level, label_en, label_fr, alt_labels_en, alt_labels_fr)",
                graph.SkillUris.Select((uri, i) => new object?[] { i + 1, uri, (int)SkillType.SkillCompetence, (int?)graph.SkillReuse[i], graph.SkillLabelsEn[i], graph.SkillLabelsFr[i], Array.Empty<string>(), Array.Empty<string>() }), ct);
            await CopyAsync(connection, "occupations (id, uri, isco_code, label_en, label_fr, alt_labels_en, alt_labels_fr)",
                graph.OccupationUris.Select((uri, i) => new object?[] { i + 1, uri, graph.OccupationIsco[i].ToString("D4", CultureInfo.InvariantCulture), graph.OccupationLabelsEn[i], graph.OccupationLabelsFr[i], Array.Empty<string>(), Array.Empty<string>() }), ct);
            foreach (var table in new[] { "skills", "occupations" })
                await NightlyPipeline.ExecuteAsync(connection, null, $"select setval(pg_get_serial_sequence('{table}', 'id'), (select max(id) from {table}))", ct);
        }
        return (await IdsByUriAsync(connection, "skills", graph.SkillUris, ct), await IdsByUriAsync(connection, "occupations", graph.OccupationUris, ct));
    }

    private static async Task<int[]> IdsByUriAsync(NpgsqlConnection connection, string table, IReadOnlyList<string> uris, CancellationToken ct)
    {
        var byUri = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand($"select id, uri from {table}", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) byUri[reader.GetString(1)] = reader.GetInt32(0);
        return uris.Select(u => byUri.TryGetValue(u, out var id) ? id : throw new InvalidOperationException($"{table} has no row for {u}; import the reference data again.")).ToArray();
    }

    /// <summary>The synthetic world's cities by name, added (in a "synthetic" region) when the gazetteer lacks them.</summary>
    private static async Task<Dictionary<string, int>> CitiesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        await using (var command = new NpgsqlCommand("select id, name from cities order by id", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) byName.TryAdd(reader.GetString(1), reader.GetInt32(0));
        var missing = SyntheticWorld.Cities.Where(c => !byName.ContainsKey(c.Name)).ToList();
        if (missing.Count == 0) return byName;
        var region = await NightlyPipeline.ScalarAsync<int?>(connection, null, "select id from regions where code = 'SYN'", ct)
            ?? await NightlyPipeline.ScalarAsync<int>(connection, null, "insert into regions (code, name_fr, name_ar, name_en) values ('SYN', 'Synthétique', 'اصطناعي', 'Synthetic') returning id", ct);
        foreach (var city in missing)
            byName[city.Name] = await NightlyPipeline.ScalarAsync<int>(connection, null, "insert into cities (name, region_id, latitude, longitude) values (@n, @r, @lat, @lon) returning id", ct,
                ("n", city.Name), ("r", region), ("lat", city.Latitude), ("lon", city.Longitude));
        return byName;
    }

    /// <summary>Reserves <paramref name="count"/> ids of <paramref name="table"/>'s identity sequence; returns the first.</summary>
    private static async Task<int> NextIdsAsync(NpgsqlConnection connection, string table, int count, CancellationToken ct)
    {
        var last = await NightlyPipeline.ScalarAsync<long>(connection, null,
            $"select setval(pg_get_serial_sequence('{table}', 'id'), greatest((select coalesce(max(id), 0) from {table}), (select last_value from {table}_id_seq)) + @n)", ct, ("n", count));
        return (int)(last - count + 1);
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, string target, IEnumerable<object?[]> rows, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"copy {target} from stdin (format binary)", ct);
        long n = 0;
        foreach (var row in rows)
        {
            await importer.WriteRowAsync(ct, row.Select(v => v ?? DBNull.Value).ToArray());
            n++;
        }
        await importer.CompleteAsync(ct);
        return n;
    }
}
