namespace Matching.Core.Domain;

/// <summary>One of Morocco's 12 regions.</summary>
public class Region
{
    public int Id { get; set; }
    /// <summary>Stable code from the source data, e.g. REGION_02.</summary>
    public required string Code { get; set; }
    public required string NameFr { get; set; }
    public required string NameAr { get; set; }
    public required string NameEn { get; set; }
}

/// <summary>A province or prefecture.</summary>
public class Province
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public required string NameFr { get; set; }
    public required string NameAr { get; set; }
    /// <summary>"province" or "prefecture".</summary>
    public required string Kind { get; set; }
}

public class Commune
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public int ProvinceId { get; set; }
    public required string NameFr { get; set; }
    public required string NameAr { get; set; }
    /// <summary>"urbain" or "rural".</summary>
    public required string Kind { get; set; }
}

/// <summary>A city of the gazetteer, with coordinates for distances.</summary>
public class City
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? NameAr { get; set; }
    public int RegionId { get; set; }
    public Region? Region { get; set; }
    public double Latitude { get; set; }
    public double Longitude { get; set; }
}
