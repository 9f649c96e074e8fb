using Microsoft.AspNetCore.Identity;

namespace Matching.Data.Identity;

/// <summary>A portal user. At most one of the audience links is set, matching the user's role.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public int? EmployerId { get; set; }
    public int? AdviserId { get; set; }
    public int? MentorId { get; set; }
    /// <summary>Employer team role: HR manager or recruiter.</summary>
    public string? EmployerTeamRole { get; set; }
    /// <summary>UI culture the user chose last (fr, ar, en).</summary>
    public string PreferredCulture { get; set; } = "fr";
}

public static class Roles
{
    public const string Employer = "Employer";
    public const string Adviser = "Adviser";
    public const string Mentor = "Mentor";
    public const string Admin = "Admin";
    public static readonly string[] All = [Employer, Adviser, Mentor, Admin];
}
