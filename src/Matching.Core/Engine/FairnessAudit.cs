namespace Matching.Core.Engine;

/// <summary>
/// Reporting attributes of a candidate, kept apart from the profile and never given to the scorer: they exist only
/// so a run's outcome can be audited. Null means not recorded.
/// </summary>
public sealed record ReportingAttributes(string? Gender, string? Status);

/// <summary>
/// The shortlist rate of one group: members shortlisted over members in the run, and that rate divided by the
/// highest rate among the groups large enough to judge (<c>RatioToHighest</c>; below 0.8 is the usual warning sign).
/// </summary>
public sealed record GroupRate(string Group, int Members, int Shortlisted, double Rate, double RatioToHighest)
{
    /// <summary>
    /// False for groups too small for their rate to mean anything (fewer than
    /// <see cref="FairnessAudit.MinimumGroupSize"/> members): one shortlisting more or less would swing it.
    /// </summary>
    public bool LargeEnoughToJudge => Members >= FairnessAudit.MinimumGroupSize;

    /// <summary>True when the group is large enough to judge and its ratio is under <see cref="FairnessAudit.WarningRatio"/>.</summary>
    public bool NeedsReview => LargeEnoughToJudge && RatioToHighest < FairnessAudit.WarningRatio;
}

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

    /// <summary>The "four-fifths" rule: a group shortlisted at under 0.8 times the best group's rate needs review.</summary>
    public const double WarningRatio = 0.8;

    /// <summary>Below this many members a group's rate is reported but neither judged nor used as the reference.</summary>
    public const int MinimumGroupSize = 30;

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
        // The reference is the best rate among groups large enough to judge, so a group of two people shortlisted
        // twice does not make every real group look under-served; when every group is small, all of them count.
        var judged = groups.Where(g => g.Members >= MinimumGroupSize).ToList();
        var reference = judged.Count > 0 ? judged : groups;
        var highest = reference.Count == 0 ? 0 : reference.Max(g => (double)g.Shortlisted / g.Members);
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
