using Matching.Core.Domain;

namespace Matching.Data.Demo;

/// <summary>A language an origin group speaks: code, how likely, and the CEFR range (Native counts as a level).</summary>
internal sealed record DemoSpokenLanguage(string Code, double Probability, CefrLevel Min, CefrLevel Max);

/// <summary>A nationality of migrants in Morocco: its ISO code, names and languages.</summary>
internal sealed record DemoOrigin(
    string Code,
    string CountryFr,
    IReadOnlyList<string> MaleNames,
    IReadOnlyList<string> FemaleNames,
    IReadOnlyList<string> LastNames,
    IReadOnlyList<DemoSpokenLanguage> Languages);

/// <summary>Plausible, invented identities by origin; none of them is a real person.</summary>
internal static class DemoPeople
{
    private static readonly string[] SenegambianMen = ["Mamadou", "Ousmane", "Cheikh", "Abdoulaye", "Modou", "Ibrahima", "Pape", "Lamine", "Babacar", "Serigne", "Alioune", "Moussa"];
    private static readonly string[] SenegambianWomen = ["Aminata", "Fatou", "Awa", "Mariama", "Ndeye", "Khady", "Astou", "Coumba", "Binta", "Rokhaya", "Aïssatou"];
    private static readonly string[] MandeMen = ["Souleymane", "Bakary", "Seydou", "Drissa", "Adama", "Mahamadou", "Boubacar", "Sékou", "Yacouba", "Issa", "Amadou"];
    private static readonly string[] MandeWomen = ["Kadiatou", "Oumou", "Fatoumata", "Assétou", "Mariam", "Djeneba", "Salimata", "Hawa", "Rokia", "Nana"];
    private static readonly string[] CentralAfricanMen = ["Jean-Paul", "Patrick", "Hervé", "Christian", "Serge", "Blaise", "Junior", "Rodrigue", "Arsène", "Cédric", "Guy", "Landry"];
    private static readonly string[] CentralAfricanWomen = ["Grâce", "Merveille", "Esther", "Nadège", "Sandrine", "Chantal", "Prisca", "Divine", "Clarisse", "Josiane"];
    private static readonly string[] AnglophoneMen = ["Emeka", "Chinedu", "Tunde", "Samuel", "Daniel", "Ifeanyi", "Olumide", "Godwin", "Peter", "Michael", "Kelvin"];
    private static readonly string[] AnglophoneWomen = ["Blessing", "Ngozi", "Chioma", "Funmilayo", "Joy", "Patience", "Favour", "Adaeze", "Esther", "Mercy"];
    private static readonly string[] ArabMen = ["Ahmad", "Mohammad", "Omar", "Khaled", "Yousef", "Bilal", "Hamza", "Tarek", "Samer", "Ammar", "Anas", "Fares"];
    private static readonly string[] ArabWomen = ["Rania", "Lina", "Hiba", "Noor", "Rasha", "Dima", "Yasmin", "Reem", "Huda", "Amal", "Salma"];
    private static readonly string[] SudaneseMen = ["Abdelrahman", "Musa", "Adam", "Ismail", "Osman", "Hassan", "Mohamed", "Yahia", "Elfatih", "Mubarak"];
    private static readonly string[] SudaneseWomen = ["Amna", "Hawa", "Fatima", "Safaa", "Samira", "Eiman", "Nafisa", "Marwa", "Zeinab"];
    private static readonly string[] SouthSudaneseMen = ["Deng", "Garang", "Majok", "Lual", "Kuol", "Peter", "James", "Chol", "Akech"];
    private static readonly string[] SouthSudaneseWomen = ["Nyandeng", "Achol", "Ayen", "Abuk", "Rebecca", "Nyibol", "Mary", "Adut"];
    private static readonly string[] MoroccanMen = ["Youssef", "Mohamed", "Hamza", "Ayoub", "Mehdi", "Anass", "Rachid", "Said", "Karim", "Omar", "Soufiane", "Abdelali", "Hicham", "Brahim"];
    private static readonly string[] MoroccanWomen = ["Fatima Zahra", "Khadija", "Salma", "Imane", "Meryem", "Hajar", "Nadia", "Soukaina", "Zineb", "Loubna", "Asmae", "Houda"];

    private static DemoSpokenLanguage L(string code, double p, CefrLevel min, CefrLevel max) => new(code, p, min, max);

    public static readonly IReadOnlyList<DemoOrigin> Origins =
    [
        new("SN", "Sénégal", SenegambianMen, SenegambianWomen, ["Diop", "Ndiaye", "Fall", "Sow", "Diallo", "Gueye", "Faye", "Sarr", "Mbaye", "Seck", "Cissé", "Thiam"],
            [L("fr", 0.95, CefrLevel.B1, CefrLevel.C1), L("wo", 0.9, CefrLevel.Native, CefrLevel.Native), L("ff", 0.25, CefrLevel.B2, CefrLevel.Native), L("en", 0.15, CefrLevel.A1, CefrLevel.B1)]),
        new("CI", "Côte d'Ivoire", MandeMen, MandeWomen, ["Kouassi", "Koné", "Ouattara", "Yao", "Kouamé", "Touré", "Bamba", "Coulibaly", "N'Guessan", "Konan", "Traoré"],
            [L("fr", 1.0, CefrLevel.C1, CefrLevel.Native), L("bm", 0.2, CefrLevel.B1, CefrLevel.Native), L("en", 0.2, CefrLevel.A1, CefrLevel.B1)]),
        new("GN", "Guinée", MandeMen, MandeWomen, ["Diallo", "Barry", "Bah", "Sylla", "Camara", "Condé", "Soumah", "Baldé", "Keïta", "Touré"],
            [L("fr", 0.9, CefrLevel.A2, CefrLevel.C1), L("ff", 0.6, CefrLevel.Native, CefrLevel.Native), L("en", 0.1, CefrLevel.A1, CefrLevel.A2)]),
        new("ML", "Mali", MandeMen, MandeWomen, ["Traoré", "Keïta", "Coulibaly", "Diarra", "Konaté", "Sangaré", "Dembélé", "Sidibé", "Maïga", "Doumbia"],
            [L("bm", 0.9, CefrLevel.Native, CefrLevel.Native), L("fr", 0.85, CefrLevel.A2, CefrLevel.B2), L("ff", 0.2, CefrLevel.B1, CefrLevel.Native)]),
        new("CM", "Cameroun", CentralAfricanMen, CentralAfricanWomen, ["Mbarga", "Nkoulou", "Fotso", "Tchoumi", "Ngono", "Essomba", "Kamga", "Atangana", "Owona", "Njoya"],
            [L("fr", 0.95, CefrLevel.B2, CefrLevel.Native), L("en", 0.5, CefrLevel.A2, CefrLevel.C1)]),
        new("CD", "RD Congo", CentralAfricanMen, CentralAfricanWomen, ["Mbuyi", "Kabongo", "Tshibanda", "Ilunga", "Mukendi", "Kalala", "Lukusa", "Ngalula", "Mutombo", "Kasongo"],
            [L("fr", 0.95, CefrLevel.B2, CefrLevel.C2), L("ln", 0.85, CefrLevel.Native, CefrLevel.Native), L("sw", 0.2, CefrLevel.B1, CefrLevel.Native), L("en", 0.15, CefrLevel.A1, CefrLevel.B1)]),
        new("CG", "Congo", CentralAfricanMen, CentralAfricanWomen, ["Mabiala", "Nkounkou", "Moukala", "Loubaki", "Massamba", "Bouanga", "Malonga", "Samba", "Ngoma"],
            [L("fr", 0.95, CefrLevel.B2, CefrLevel.C2), L("ln", 0.8, CefrLevel.Native, CefrLevel.Native)]),
        new("NG", "Nigeria", AnglophoneMen, AnglophoneWomen, ["Okafor", "Adeyemi", "Eze", "Okonkwo", "Balogun", "Nwosu", "Adebayo", "Obi", "Uchenna", "Ogunleye"],
            [L("en", 1.0, CefrLevel.B2, CefrLevel.Native), L("fr", 0.3, CefrLevel.A1, CefrLevel.B1)]),
        new("GM", "Gambie", SenegambianMen, SenegambianWomen, ["Jallow", "Ceesay", "Touray", "Bah", "Sanneh", "Jammeh", "Darboe", "Njie", "Sowe", "Manneh"],
            [L("en", 0.9, CefrLevel.B1, CefrLevel.C1), L("wo", 0.6, CefrLevel.Native, CefrLevel.Native), L("ff", 0.3, CefrLevel.Native, CefrLevel.Native), L("fr", 0.2, CefrLevel.A1, CefrLevel.A2)]),
        new("BF", "Burkina Faso", MandeMen, MandeWomen, ["Ouédraogo", "Sawadogo", "Kaboré", "Compaoré", "Zongo", "Ilboudo", "Kiendrébéogo", "Nikiéma", "Tiendrébéogo"],
            [L("fr", 0.9, CefrLevel.B1, CefrLevel.C1), L("bm", 0.3, CefrLevel.B1, CefrLevel.Native), L("ff", 0.15, CefrLevel.B1, CefrLevel.Native)]),
        new("CF", "République centrafricaine", CentralAfricanMen, CentralAfricanWomen, ["Ngaïkoumon", "Yakité", "Doko", "Kongbo", "Ndjapou", "Gbaya", "Sérémé", "Zanga"],
            [L("fr", 0.9, CefrLevel.B1, CefrLevel.C1), L("sg", 0.9, CefrLevel.Native, CefrLevel.Native)]),
        new("SD", "Soudan", SudaneseMen, SudaneseWomen, ["Abdalla", "Elamin", "Osman", "Ibrahim", "Babiker", "Elhassan", "Musa", "Idris", "Hamid"],
            [L("ar", 1.0, CefrLevel.Native, CefrLevel.Native), L("en", 0.5, CefrLevel.A2, CefrLevel.B2)]),
        new("SS", "Soudan du Sud", SouthSudaneseMen, SouthSudaneseWomen, ["Deng", "Garang", "Malual", "Akol", "Machar", "Kiir", "Lado", "Wani", "Mayen"],
            [L("en", 0.9, CefrLevel.B1, CefrLevel.C1), L("ar", 0.6, CefrLevel.A2, CefrLevel.B2)]),
        new("SY", "Syrie", ArabMen, ArabWomen, ["Al-Hamwi", "Haddad", "Khatib", "Al-Halabi", "Darwish", "Sabbagh", "Nassar", "Kassab", "Al-Shami", "Hijazi"],
            [L("ar", 1.0, CefrLevel.Native, CefrLevel.Native), L("en", 0.35, CefrLevel.A2, CefrLevel.B2), L("fr", 0.1, CefrLevel.A1, CefrLevel.A2)]),
        new("YE", "Yémen", ArabMen, ArabWomen, ["Al-Hadrami", "Saleh", "Al-Ansi", "Al-Sanani", "Ba Wazir", "Al-Qadhi", "Mansour", "Al-Ahdal"],
            [L("ar", 1.0, CefrLevel.Native, CefrLevel.Native), L("en", 0.3, CefrLevel.A2, CefrLevel.B1)]),
        new("MA", "Maroc", MoroccanMen, MoroccanWomen, ["El Amrani", "Bennani", "Alaoui", "Tazi", "El Idrissi", "Berrada", "Ouazzani", "Amzil", "Aït Ali", "Boutaleb", "Chraibi", "Lahlou", "Ouali", "El Fassi", "Benjelloun"],
            [L("ary", 1.0, CefrLevel.Native, CefrLevel.Native), L("ar", 0.85, CefrLevel.B1, CefrLevel.C1), L("fr", 0.8, CefrLevel.A2, CefrLevel.C1),
             L("zgh", 0.3, CefrLevel.Native, CefrLevel.Native), L("es", 0.35, CefrLevel.B1, CefrLevel.C1), L("it", 0.15, CefrLevel.B1, CefrLevel.B2), L("en", 0.25, CefrLevel.A2, CefrLevel.B2)]),
    ];

    public static DemoOrigin Origin(string code) => Origins.Single(o => o.Code == code);

    /// <summary>Nationality weights by status: refugees come mostly from conflict areas, regularised migrants from West and Central Africa.</summary>
    public static readonly IReadOnlyDictionary<MigrationStatus, (string Code, double Weight)[]> NationalitiesByStatus =
        new Dictionary<MigrationStatus, (string, double)[]>
        {
            [MigrationStatus.RegularisedMigrant] = [("SN", 22), ("CI", 18), ("GN", 15), ("ML", 10), ("CM", 12), ("CD", 6), ("CG", 4), ("NG", 6), ("GM", 3), ("BF", 4)],
            [MigrationStatus.Refugee] = [("SY", 25), ("YE", 14), ("SD", 14), ("SS", 8), ("CF", 10), ("CD", 12), ("CG", 4), ("CI", 5), ("CM", 5), ("ML", 3)],
            [MigrationStatus.AsylumSeeker] = [("SD", 18), ("SS", 8), ("CF", 8), ("CD", 12), ("GN", 12), ("CM", 10), ("CI", 8), ("SY", 8), ("YE", 6), ("NG", 5), ("ML", 5)],
            [MigrationStatus.Returnee] = [("MA", 1)],
        };

    public static readonly (MigrationStatus Status, double Weight)[] Statuses =
        [(MigrationStatus.RegularisedMigrant, 45), (MigrationStatus.Refugee, 22), (MigrationStatus.AsylumSeeker, 13), (MigrationStatus.Returnee, 20)];

    /// <summary>Countries Moroccan returnees come back from, and where migrants worked before Morocco.</summary>
    public static readonly (string Code, double Weight)[] ReturneeHostCountries = [("ES", 35), ("IT", 20), ("FR", 15), ("LY", 12), ("SA", 6), ("AE", 6), ("BE", 6)];

    public static readonly string[] EducationFields =
    [
        "Commerce", "Électricité", "Mécanique", "Informatique", "Lettres", "Comptabilité", "Couture", "Agriculture",
        "Hôtellerie", "Santé", "Sciences", "Droit", "Bâtiment", "Langues étrangères",
    ];

    /// <summary>Where people of a sector worked before (free text of the CV's employer field).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> PastEmployersBySector = new Dictionary<string, string[]>
    {
        ["offshoring"] = ["Centre d'appels", "Société de services informatiques", "Opérateur télécom", "Agence de voyage"],
        ["construction"] = ["Chantier de construction", "Entreprise de BTP", "Artisan maçon", "Particulier"],
        ["agriculture"] = ["Exploitation agricole", "Coopérative agricole", "Station de conditionnement", "Ferme familiale"],
        ["hospitality"] = ["Hôtel", "Restaurant", "Riad", "Café", "Traiteur"],
        ["textile"] = ["Atelier de couture", "Usine de confection", "Tailleur de quartier", "Entreprise familiale"],
        ["automotive"] = ["Usine", "Garage automobile", "Entrepôt logistique", "Sous-traitant industriel"],
        ["retail"] = ["Supermarché", "Commerce de détail", "Boutique de téléphonie", "Marché"],
        ["cleaning"] = ["Société de nettoyage", "Particulier", "Hôpital", "Société de gardiennage"],
        ["care"] = ["Particulier", "Clinique", "Crèche", "Association"],
        ["crafts"] = ["Coopérative artisanale", "Atelier d'artisan", "Entreprise familiale", "Souk"],
    };
}
