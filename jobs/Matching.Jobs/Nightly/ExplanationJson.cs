using System.Buffers;
using System.Text;
using System.Text.Json;
using Matching.Core.Engine;

namespace Matching.Jobs.Nightly;

/// <summary>
/// The explanation stored with each match, in the compact shape the portals read: skills as database ids (labels are
/// looked up when shown, in the reader's language), languages with CEFR levels, distance, availability, essential
/// coverage and the main score contributions. A few hundred bytes instead of several kilobytes with labels.
/// </summary>
public static class ExplanationJson
{
    public static string Write(MatchExplanation e, CandidateProfile candidate, IReadOnlyDictionary<string, int> skillIds)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            Skills(w, "matchedEssential", e.MatchedEssentialSkills.Select(s => s.Uri), skillIds);
            Skills(w, "missingEssential", e.MissingEssentialSkills.Select(s => s.Uri), skillIds);
            Skills(w, "transferable", e.TransferableSkills.Select(s => s.Required.Uri), skillIds);
            w.WriteStartArray("languages");
            foreach (var l in e.Languages)
            {
                w.WriteStartObject();
                w.WriteString("code", l.Code);
                w.WriteString("required", l.Required.ToString());
                if (l.Held is { } held) w.WriteString("actual", held.ToString());
                w.WriteBoolean("ok", l.Meets);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (e.DistanceKm is { } km) w.WriteNumber("distanceKm", Math.Round(km, 1));
            if (candidate.AvailableFrom is { } from) w.WriteString("availableFrom", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            var essential = e.MatchedEssentialSkills.Count + e.MissingEssentialSkills.Count;
            if (essential > 0) w.WriteNumber("coverage", Math.Round((double)e.MatchedEssentialSkills.Count / essential, 3));
            w.WriteStartArray("contributions");
            foreach (var c in e.MainContributions)
            {
                w.WriteStartObject();
                w.WriteString("feature", c.Feature);
                w.WriteNumber("value", Math.Round(c.Contribution, 4));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Skills(Utf8JsonWriter w, string name, IEnumerable<string> uris, IReadOnlyDictionary<string, int> skillIds)
    {
        w.WriteStartArray(name);
        foreach (var uri in uris)
            if (skillIds.TryGetValue(uri, out var id)) w.WriteNumberValue(id);
            else w.WriteStringValue(uri);
        w.WriteEndArray();
    }
}
