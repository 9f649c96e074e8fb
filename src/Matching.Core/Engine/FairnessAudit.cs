namespace Matching.Core.Engine;

/// <summary>
/// Reporting attributes of a candidate, kept apart from the profile and never given to the scorer: they exist only
/// so a run's outcome can be audited. Null means not recorded.
/// </summary>
public sealed record ReportingAttributes(string? Gender, string? Status);

/// <summary>
/// The shortlist rate of one group: members shortlisted over members in the run, and that rate divided by the
/// highest group's rate (<c>RatioToHighest</c>; below 0.8 is the usual warning sign).
/// </summary>
public sealed record GroupRate(string Group, int Members, int Shortlisted, double Rate, double RatioToHighest);

/// <summary>Shortlist rates of a run by gender and by status (refugee, regularised, returnee…).</summary>
public sealed record FairnessReport(IReadOnlyList<GroupRate> ByGender, IReadOnlyList<GroupRate> ByStatus, int ShortlistedWithoutAttributes);

/// <summary>
/// The fairness audit of a run (issue #4): not a feature, a measurement. Pure: the nightly pipeline passes the ids it
/// shortlisted and the reporting attributes it read separately, and stores the report so drifts are visible.
/// </summary>
public static class FairnessAudit
{
    /// <summary>Group name for candidates whose attribute is not recorded.</summary>
    public const string Unknown = "unknown";

    /// <summary>
    /// Rates per group over the candidates of <paramref name="attributesById"/> (the run's population); each id
    /// counts once however many shortlists it is on. Shortlisted ids without attributes are counted apart.
    /// </summary>
    public static FairnessReport Compute(IEnumerable<string> shortlistedIds, IReadOnlyDictionary<string, ReportingAttributes> attributesById)
    {
        ArgumentNullException.ThrowIfNull(shortlistedIds);
        ArgumentNullException.ThrowIfNull(attributesById);
        var shortlisted = shortlistedIds.ToHashSet(StringComparer.Ordinal);
        var without = shortlisted.Count(id => !attributesById.ContainsKey(id));
        return new FairnessReport(
            Rates(attributesById, shortlisted, a => a.Gender),
            Rates(attributesById, shortlisted, a => a.Status),
            without);
    }

    private static List<GroupRate> Rates(IReadOnlyDictionary<string, ReportingAttributes> attributes, HashSet<string> shortlisted, Func<ReportingAttributes, string?> groupOf)
    {
        var groups = attributes
            .GroupBy(p => string.IsNullOrWhiteSpace(groupOf(p.Value)) ? Unknown : groupOf(p.Value)!.Trim().ToLowerInvariant(), StringComparer.Ordinal)
            .Select(g => (Group: g.Key, Members: g.Count(), Shortlisted: g.Count(p => shortlisted.Contains(p.Key))))
            .ToList();
        var highest = groups.Count == 0 ? 0 : groups.Max(g => (double)g.Shortlisted / g.Members);
        return groups
            .Select(g =>
            {
                var rate = (double)g.Shortlisted / g.Members;
                return new GroupRate(g.Group, g.Members, g.Shortlisted, rate, highest > 0 ? rate / highest : 1);
            })
            .OrderBy(g => g.Group, StringComparer.Ordinal)
            .ToList();
    }
}
