using System.Text.Json;
using System.Text.Json.Nodes;
using Matching.Core.Domain;

namespace Matching.Core.Engine.Interchange;

/// <summary>Writes profiles and decisions in the JSON Lines interchange format (concepts as ESCO URIs).</summary>
public static class InterchangeWriter
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void WriteCandidates(TaxonomyGraph graph, IEnumerable<CandidateProfile> candidates, DateOnly referenceDate, TextWriter output)
    {
        foreach (var c in candidates)
        {
            var o = new JsonObject
            {
                ["id"] = c.Id,
                ["experiences"] = new JsonArray(c.Experiences.Select(e => (JsonNode)new JsonObject
                {
                    ["title"] = e.Title ?? (e.Occupation >= 0 ? graph.OccupationLabelsEn[e.Occupation] : "?"),
                    ["start"] = referenceDate.AddDays(-(int)Math.Round(e.Years * 365.25)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["end"] = referenceDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                }).ToArray()),
                ["desiredOccupations"] = new JsonArray(c.DesiredOccupations.Select(d => (JsonNode)graph.OccupationUris[d]).ToArray()),
                ["skills"] = new JsonArray(c.Skills.Select(s => (JsonNode)new JsonObject { ["uri"] = graph.SkillUris[s.Skill], ["level"] = s.Level }).ToArray()),
                ["languages"] = Languages(c.Languages),
                ["location"] = Location(c.Location),
                ["mobilityKm"] = c.MobilityKm,
                ["wants"] = new JsonArray(new[] { (OpportunityKinds.Job, "job"), (OpportunityKinds.Internship, "internship") }
                    .Where(k => c.Wants.HasFlag(k.Item1)).Select(k => (JsonNode)k.Item2).ToArray()),
            };
            if (c.Education is { } edu) o["education"] = new JsonObject { ["isced"] = (int)edu };
            if (c.AvailableFrom is { } from) o["availableFrom"] = Date(from);
            if (c.WorkAuthorisedUntil is { } until) o["workAuthorisedUntil"] = Date(until);
            output.WriteLine(o.ToJsonString(Compact));
        }
    }

    public static void WriteVacancies(TaxonomyGraph graph, IEnumerable<VacancyProfile> vacancies, TextWriter output)
    {
        foreach (var v in vacancies)
        {
            var o = new JsonObject
            {
                ["id"] = v.Id,
                ["kind"] = v.Kind == VacancyKind.Internship ? "internship" : "job",
                ["title"] = v.Title,
                ["skills"] = new JsonArray(v.EssentialSkills.Select(s => (JsonNode)new JsonObject { ["uri"] = graph.SkillUris[s], ["essential"] = true })
                    .Concat(v.OptionalSkills.Select(s => (JsonNode)new JsonObject { ["uri"] = graph.SkillUris[s], ["essential"] = false })).ToArray()),
                ["languages"] = Languages(v.Languages),
                ["location"] = Location(v.Location),
                ["positions"] = v.Positions,
            };
            if (v.Occupation >= 0) o["occupation"] = graph.OccupationUris[v.Occupation];
            if (v.StartDate is { } start) o["startDate"] = Date(start);
            if (v.EducationMin is { } edu) o["educationMin"] = (int)edu;
            output.WriteLine(o.ToJsonString(Compact));
        }
    }

    public static void WriteDecisions(IEnumerable<GradedDecision> decisions, TextWriter output)
    {
        foreach (var d in decisions)
            output.WriteLine(new JsonObject { ["candidateId"] = d.CandidateId, ["vacancyId"] = d.VacancyId, ["grade"] = d.Grade, ["decidedAt"] = Date(d.DecidedOn) }.ToJsonString(Compact));
    }

    private static JsonArray Languages(IReadOnlyList<LanguageSkill> languages) =>
        new(languages.Select(l => (JsonNode)new JsonObject { ["code"] = l.Code, ["level"] = l.Level == CefrLevel.Native ? "native" : l.Level.ToString() }).ToArray());

    private static JsonObject Location(GeoPlace p)
    {
        var o = new JsonObject();
        if (p.Name is { } n) o["city"] = n;
        if (p.Latitude is { } lat) o["lat"] = Math.Round(lat, 5);
        if (p.Longitude is { } lon) o["lon"] = Math.Round(lon, 5);
        return o;
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
