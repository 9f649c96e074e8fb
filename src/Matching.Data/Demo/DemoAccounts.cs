using Matching.Data.Identity;

namespace Matching.Data.Demo;

/// <summary>One demo login per role; shown on the login page only in demo mode.</summary>
public static class DemoAccounts
{
    public const string Password = "Demo!2026";

    public static readonly IReadOnlyList<(string Email, string Role, string Description)> All =
    [
        ("rh@atlas-offshore.demo.ma", Roles.Employer, "RH — Atlas Offshore Services (Rabat)"),
        ("rh@batisud.demo.ma", Roles.Employer, "RH — BatiSud Construction (Agadir)"),
        ("conseiller@anapec.demo.ma", Roles.Adviser, "Conseiller ANAPEC — Rabat"),
        ("mentor@association.demo.ma", Roles.Mentor, "Mentor — association partenaire"),
        ("admin@matching.demo.ma", Roles.Admin, "Administrateur"),
    ];
}
