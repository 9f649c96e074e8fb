namespace Matching.Web.Resources;

/// <summary>Marker for the UI strings in SharedResource.resx (French), .ar.resx and .en.resx.</summary>
public sealed class SharedResource;
