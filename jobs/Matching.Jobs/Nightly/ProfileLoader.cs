using Matching.Core.Domain;
using Matching.Core.Engine;
using Npgsql;

namespace Matching.Jobs.Nightly;

/// <summary>
/// Reads candidates and vacancies from PostgreSQL into engine profiles, by concept URI. Only the columns the engine
/// may use are selected: gender, birth year, nationality and migration status are never read.
/// </summary>
public sealed class ProfileLoader(TaxonomyGraph graph)
{
    /// <summary>The candidates snapshotted into <paramref name="runId"/>, ordered by id (the pool's order is part of a run's identity).</summary>
    public async Task<List<CandidateProfile>> CandidatesOfRunAsync(NpgsqlConnection connection, int runId, DateOnly referenceDate, CancellationToken ct)
    {
        var places = await PlacesAsync(connection, ct);
        const string inRun = "join match_run_candidates r on r.candidate_id = x.candidate_id and r.run_id = @run";
        var skills = await GroupAsync(connection, $"select x.candidate_id, s.uri, x.level from candidate_skills x {inRun} join skills s on s.id = x.skill_id order by 1, 2", runId,
            r => graph.SkillByUri.TryGetValue(r.GetString(1), out var s) ? new SkillClaim(s, Math.Clamp(r.GetInt32(2), 1, 4)) : null, ct);
        var languages = await GroupAsync(connection, $"select x.candidate_id, x.code, x.level from candidate_languages x {inRun} order by 1, 2, 3", runId,
            r => new LanguageSkill(r.GetString(1), (CefrLevel)r.GetInt32(2)), ct);
        var desired = await GroupAsync(connection, $"select x.candidate_id, o.uri from candidate_desired_occupations x {inRun} join occupations o on o.id = x.occupation_id order by 1, 2", runId,
            r => graph.OccupationByUri.TryGetValue(r.GetString(1), out var o) ? (int?)o : null, ct);
        var experiences = await GroupAsync(connection,
            $"select x.candidate_id, x.title, o.uri, x.started_on, x.ended_on from candidate_experiences x {inRun} left join occupations o on o.id = x.occupation_id order by 1, x.id", runId,
            r => new ExperienceSpan(
                !r.IsDBNull(2) && graph.OccupationByUri.TryGetValue(r.GetString(2), out var o) ? o : -1,
                Years(r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3), r.IsDBNull(4) ? null : r.GetFieldValue<DateOnly>(4), referenceDate),
                r.GetString(1)), ct);

        var result = new List<CandidateProfile>();
        await using var command = new NpgsqlCommand(
            "select c.id, c.city_id, c.education_level, c.available_from, c.mobility_km, c.wants, c.document_expires_on " +
            "from candidates c join match_run_candidates r on r.candidate_id = c.id and r.run_id = @run order by c.id", connection);
        command.Parameters.AddWithValue("run", runId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetInt32(0);
            var spans = experiences.GetValueOrDefault(id) ?? [];
            result.Add(new CandidateProfile
            {
                Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Skills = skills.GetValueOrDefault(id) ?? [],
                Languages = languages.GetValueOrDefault(id) ?? [],
                DesiredOccupations = (desired.GetValueOrDefault(id) ?? []).Select(o => new LinkedOccupation(o!.Value)).ToList(),
                Experiences = spans,
                Titles = spans.Select(e => e.Title).OfType<string>().ToList(),
                Location = reader.IsDBNull(1) ? GeoPlace.Unknown : places.GetValueOrDefault(reader.GetInt32(1), GeoPlace.Unknown),
                Education = reader.IsDBNull(2) ? null : (IscedLevel)reader.GetInt32(2),
                AvailableFrom = reader.IsDBNull(3) ? null : reader.GetFieldValue<DateOnly>(3),
                MobilityKm = reader.GetInt32(4),
                Wants = (OpportunityKinds)reader.GetInt32(5),
                WorkAuthorisedUntil = reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6),
            });
        }
        return result;
    }

    /// <summary>The vacancies of one chunk, in the order of <paramref name="vacancyIds"/>.</summary>
    public async Task<List<VacancyProfile>> VacanciesAsync(NpgsqlConnection connection, IReadOnlyList<int> vacancyIds, CancellationToken ct)
    {
        var places = await PlacesAsync(connection, ct);
        var ids = vacancyIds.ToArray();
        var skills = await GroupAsync(connection, "select x.vacancy_id, s.uri, x.is_essential from vacancy_skills x join skills s on s.id = x.skill_id where x.vacancy_id = any(@ids) order by 1, 2", ids,
            r => graph.SkillByUri.TryGetValue(r.GetString(1), out var s) ? (s, r.GetBoolean(2)) : ((int, bool)?)null, ct);
        var languages = await GroupAsync(connection, "select x.vacancy_id, x.code, x.min_level from vacancy_languages x where x.vacancy_id = any(@ids) order by 1, 2, 3", ids,
            r => new LanguageSkill(r.GetString(1), (CefrLevel)r.GetInt32(2)), ct);
        var byId = new Dictionary<int, VacancyProfile>();
        await using var command = new NpgsqlCommand(
            "select v.id, v.kind, v.title, o.uri, v.city_id, v.starts_on, v.education_min, v.positions " +
            "from vacancies v left join occupations o on o.id = v.occupation_id where v.id = any(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids);
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt32(0);
                var listed = (skills.GetValueOrDefault(id) ?? []).Select(s => s!.Value).ToList();
                byId[id] = new VacancyProfile
                {
                    Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Kind = (VacancyKind)reader.GetInt32(1),
                    Title = reader.GetString(2),
                    Occupation = !reader.IsDBNull(3) && graph.OccupationByUri.TryGetValue(reader.GetString(3), out var o) ? o : -1,
                    EssentialSkills = listed.Where(s => s.Item2).Select(s => s.Item1).ToList(),
                    OptionalSkills = listed.Where(s => !s.Item2).Select(s => s.Item1).ToList(),
                    Languages = languages.GetValueOrDefault(id) ?? [],
                    Location = reader.IsDBNull(4) ? GeoPlace.Unknown : places.GetValueOrDefault(reader.GetInt32(4), GeoPlace.Unknown),
                    StartDate = reader.IsDBNull(5) ? null : reader.GetFieldValue<DateOnly>(5),
                    EducationMin = reader.IsDBNull(6) ? null : (IscedLevel)reader.GetInt32(6),
                    Positions = reader.GetInt32(7),
                };
            }
        }
        return vacancyIds.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
    }

    private static double Years(DateOnly? started, DateOnly? ended, DateOnly referenceDate) =>
        started is not { } s ? 1.0 : Math.Max(0, ((ended ?? referenceDate).DayNumber - s.DayNumber) / 365.25);

    private static async Task<Dictionary<int, GeoPlace>> PlacesAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var places = new Dictionary<int, GeoPlace>();
        await using var command = new NpgsqlCommand("select id, name, latitude, longitude from cities", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) places[reader.GetInt32(0)] = new GeoPlace(reader.GetDouble(2), reader.GetDouble(3), reader.GetString(1));
        return places;
    }

    /// <summary>Rows grouped by their first column (an int id); rows the map turns into null (unknown concepts) are dropped.</summary>
    private static async Task<Dictionary<int, List<T>>> GroupAsync<T>(NpgsqlConnection connection, string sql, object parameter, Func<NpgsqlDataReader, T?> map, CancellationToken ct)
    {
        var result = new Dictionary<int, List<T>>();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue(parameter is int ? "run" : "ids", parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (map(reader) is not { } item) continue;
            var key = reader.GetInt32(0);
            if (!result.TryGetValue(key, out var list)) result[key] = list = [];
            list.Add(item);
        }
        return result;
    }
}
