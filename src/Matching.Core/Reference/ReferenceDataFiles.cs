namespace Matching.Core.Reference;

/// <summary>
/// Locates the reference data shipped with the product (ESCO v1.1.1, Morocco's divisions, the city gazetteer).
/// ESCO classification, © European Union, https://esco.ec.europa.eu
/// </summary>
public static class ReferenceDataFiles
{
    /// <summary>Folder holding esco/ and morocco/, copied next to the assemblies at build time.</summary>
    public static string Root =>
        Environment.GetEnvironmentVariable("MATCHING_REFERENCE_DATA") is { Length: > 0 } overridden
            ? overridden
            : Path.Combine(AppContext.BaseDirectory, "ReferenceData");

    public static string Esco(string fileName) => Path.Combine(Root, "esco", fileName);
    public static string Morocco(string fileName) => Path.Combine(Root, "morocco", fileName);

    /// <summary>ESCO version the shipped files come from; stored with each import.</summary>
    public const string EscoVersion = "1.1.1";

    public const string EscoAttribution = "ESCO classification, © European Union, https://esco.ec.europa.eu";
}
