using Matching.Core.Domain;

namespace Matching.Data.Demo;

/// <summary>An ESCO occupation a sector hires for, with the French job title used in vacancies and an English one used in CVs.</summary>
internal sealed record DemoOccupation(string UriSuffix, string TitleFr, string TitleEn)
{
    public string Uri => "http://data.europa.eu/esco/occupation/" + UriSuffix;
}

/// <summary>A required language of a sector: code, minimum level and how often vacancies ask for it.</summary>
internal sealed record DemoLanguageNeed(string Code, CefrLevel MinLevel, double Probability);

internal sealed record DemoSector(
    string Key,
    string NameFr,
    IReadOnlyList<DemoOccupation> Occupations,
    IReadOnlyList<string> PreferredCities,
    IReadOnlyList<DemoLanguageNeed> Languages,
    IscedLevel? EducationMin,
    int MaxPositions,
    bool Seasonal,
    IReadOnlyList<string> CompanyWords);

internal sealed record DemoRegion(string Code, double Weight, IReadOnlyList<(string City, double Weight)> Cities, IReadOnlyList<(string Sector, double Weight)> Sectors);

/// <summary>
/// Where migrants live and work in Morocco and who hires them: the seven regions of the programme, their main
/// cities and the sectors that recruit there. Occupations are ESCO v1.1.1 concepts chosen by URI.
/// </summary>
internal static class DemoCatalogue
{
    public static readonly IReadOnlyList<DemoSector> Sectors =
    [
        new("offshoring", "Offshoring et centres de contact",
        [
            new("b7b75eb6-34bc-462d-b412-eed393cc1397", "Téléconseiller·ère francophone", "Call centre agent"),
            new("fde97584-d8e3-413e-a662-511c9055357e", "Conseiller·ère chat et e-mail", "Live chat agent"),
            new("0bf68df5-e808-4c27-abf2-6f85440f2d7f", "Standardiste bilingue", "Switchboard operator"),
            new("aaeec9a7-dc57-4485-890c-86b3eef735f9", "Technicien·ne support informatique niveau 1", "IT helpdesk agent"),
            new("6aa78e46-ce22-421f-8a75-e915ac63c9d0", "Superviseur·e de plateau", "Call centre team leader"),
            new("580c98d4-fb97-4597-864c-54140f058f1b", "Chargé·e qualité (écoutes)", "Call quality analyst"),
            new("6c999fc7-c6b7-4ef3-a4b9-af124a1783a2", "Agent·e de back-office", "Back-office clerk"),
        ],
        ["Rabat", "Casablanca", "Fès", "Tanger", "Oujda", "Salé", "Témara", "Mohammedia", "Meknès"],
        [new("fr", CefrLevel.B2, 0.9), new("en", CefrLevel.B2, 0.3), new("es", CefrLevel.B2, 0.15)],
        IscedLevel.UpperSecondary, 15, false, ["Contact", "Offshore Services", "Relation Client", "Call Center", "Digital Services"]),

        new("construction", "BTP et construction",
        [
            new("05f321f8-055b-407d-bf19-e0ddabda56b7", "Maçon·ne", "Mason"),
            new("fb7e2f4f-1545-42f1-972e-94082e49c6dc", "Ouvrier·ère de chantier", "Construction labourer"),
            new("02447817-ea01-4d8b-b09c-8bc128e447e6", "Carreleur·se", "Tiler"),
            new("f4a22809-c00c-4dd0-8b09-c7251f8dcd1c", "Plâtrier·ère", "Plasterer"),
            new("15620506-fb5d-49cd-87a2-1c9047fb406a", "Peintre en bâtiment", "Painter and decorator"),
            new("18fa8080-3156-429a-bbd7-b3ef559b6721", "Monteur·se d'échafaudages", "Scaffolder"),
            new("33960bab-4423-4808-af6c-ec2b485dba41", "Électricien·ne du bâtiment", "Building electrician"),
            new("ed3cf43d-c2c1-4c46-82fc-1375e27e0290", "Plombier·ère", "Plumber"),
            new("2a22ff9e-de3b-408d-b312-5034896cc4f4", "Coffreur·se charpentier·ère", "Formwork carpenter"),
        ],
        ["Casablanca", "Rabat", "Tanger", "Agadir", "Marrakech", "Oujda", "Kénitra", "Fès", "Témara", "Nador"],
        [new("ary", CefrLevel.A2, 0.6), new("fr", CefrLevel.A2, 0.3)],
        null, 12, false, ["Construction", "BTP", "Bâtiment", "Travaux", "Génie Civil"]),

        new("agriculture", "Agriculture et agro-industrie",
        [
            new("373db468-bd25-4b67-a6e0-4ac79d9a9e85", "Ouvrier·ère de récolte (fruits rouges)", "Fruit picker"),
            new("c9191f7f-28b5-4df8-991d-804c53009b83", "Ouvrier·ère agricole polyvalent·e", "Farm worker"),
            new("1a9d99ba-4c08-4864-8f6a-1b0f2b4cf883", "Ouvrier·ère de serre", "Greenhouse worker"),
            new("ef53663e-c295-43a4-a48e-84254270b138", "Technicien·ne irrigation goutte-à-goutte", "Drip irrigation installer"),
            new("f5e80af5-eebe-4133-878a-5dc5ef34fe93", "Chef·fe d'équipe agricole", "Farm team leader"),
            new("b4306d87-7992-47fc-914a-4485a4e7003c", "Trieur·se en station de conditionnement", "Packing house sorter"),
            new("6fe645b0-463a-445d-ab8f-c0a5132beb68", "Opérateur·rice de conditionnement d'agrumes", "Citrus packing operator"),
        ],
        ["Aït Melloul", "Inezgane", "Taroudant", "Agadir", "Kénitra", "Berkane", "Larache", "Meknès", "Tiznit"],
        [new("ary", CefrLevel.A2, 0.5)],
        null, 30, true, ["Agro", "Primeurs", "Domaines", "Fruits", "Serres"]),

        new("hospitality", "Hôtellerie et restauration",
        [
            new("90f75f67-495d-49fa-ab57-2f320e251d7e", "Cuisinier·ère", "Cook"),
            new("e1cf6897-158d-4b48-a39e-2a3a8cac216c", "Commis de cuisine", "Kitchen assistant"),
            new("f756fdab-7726-4c48-bfcc-94ff8810fc08", "Plongeur·se", "Dishwasher"),
            new("d5db9d5c-2ebf-4a54-a79a-1b7e7ff70471", "Serveur·se", "Waiter"),
            new("731ecac4-06e8-4ec2-a559-101fecbd9183", "Valet / femme de chambre", "Room attendant"),
            new("82025c02-9082-416c-998b-f51eb0359ee6", "Réceptionniste d'hôtel", "Hotel receptionist"),
            new("ff42d44c-34f8-46be-ad3a-2aad9a5e43f0", "Pâtissier·ère", "Pastry cook"),
            new("2d5a50c6-0bf4-45c3-805c-44d1bf1e3d12", "Employé·e de spa et hammam", "Spa attendant"),
        ],
        ["Marrakech", "Agadir", "Tanger", "Essaouira", "Fès", "Casablanca", "Rabat", "Al Hoceïma", "Tétouan"],
        [new("fr", CefrLevel.B1, 0.5), new("en", CefrLevel.A2, 0.35), new("ary", CefrLevel.A2, 0.3)],
        null, 6, true, ["Hôtels", "Riads", "Resorts", "Restauration", "Hospitality"]),

        new("textile", "Textile et habillement",
        [
            new("517c01aa-e875-4690-bf38-17307a57eafe", "Couseur·se sur machine", "Sewing machinist"),
            new("7d4266b3-2108-4330-b27b-430a96012c21", "Opérateur·rice machine à coudre (confection)", "Sewing machine operator"),
            new("5589e8e0-48d9-4193-8c85-86ba9f17e0e9", "Couturier·ère", "Dressmaker"),
            new("db55bf08-3ad3-4bf6-bf59-7f9f426a6de5", "Retoucheur·se", "Alterations machinist"),
            new("040fcfa5-24be-43eb-afd5-828297175b16", "Opérateur·rice logistique textile", "Clothing warehouse operator"),
            new("978ae3a2-0831-415a-8396-b84dde656fc5", "Tailleur·se", "Tailor"),
        ],
        ["Tanger", "Casablanca", "Fès", "Salé", "Tétouan", "Mohammedia"],
        [new("ary", CefrLevel.A2, 0.5), new("fr", CefrLevel.A2, 0.3)],
        null, 20, false, ["Confection", "Textile", "Couture", "Mode", "Tissage"]),

        new("automotive", "Automobile et logistique industrielle",
        [
            new("cb8be514-9388-4ef0-a58d-cff496747610", "Opérateur·rice câblage automobile", "Wire harness assembler"),
            new("ffc292f1-89e2-4406-8eff-39096c94e731", "Opérateur·rice de montage automobile", "Car assembly operator"),
            new("78625dd8-257b-483b-bca0-172dd9b02754", "Monteur·se de pièces automobiles", "Auto parts assembler"),
            new("f5ba8fb4-1387-459a-9b22-59feb891e229", "Monteur·se câbleur·se", "Cable assembler"),
            new("808becc8-5a4e-4e71-a043-c2ea32b56ae3", "Manutentionnaire", "Materials handler"),
            new("bea705fe-06ac-4147-b8e0-6e8ac1208d8f", "Magasinier·ère", "Warehouse worker"),
            new("4ad4024e-d1d3-4dea-b6d1-2c7948111dce", "Technicien·ne de maintenance automobile", "Vehicle technician"),
        ],
        ["Tanger", "Kénitra", "Casablanca", "Berrechid", "Tétouan", "Mohammedia"],
        [new("fr", CefrLevel.B1, 0.45), new("ary", CefrLevel.A2, 0.4)],
        IscedLevel.LowerSecondary, 25, false, ["Auto Components", "Câblage", "Industries", "Mécanique", "Logistique"]),

        new("retail", "Commerce et distribution",
        [
            new("9ba74e8a-c40c-4228-9998-eb3c7a5c11df", "Vendeur·se", "Sales assistant"),
            new("0b15375e-dfdd-4047-9efb-096e0aaee7d2", "Employé·e libre-service (mise en rayon)", "Shop assistant"),
            new("2b871272-bd61-4206-bd1a-0b96d7023098", "Hôte·sse de caisse", "Cashier"),
            new("cd94def5-3442-4c2e-ae3d-0761a3008bcb", "Préparateur·rice de commandes", "Order picker"),
            new("f4b4fb1d-0224-4e6b-b7c9-84bcf133be00", "Vendeur·se en téléphonie", "Mobile phone salesperson"),
            new("13da27aa-ca6a-476d-ab2c-efc9e5bd97b2", "Vendeur·se en boutique de vêtements", "Clothing sales assistant"),
        ],
        ["Casablanca", "Rabat", "Marrakech", "Tanger", "Fès", "Agadir", "Oujda", "Meknès", "Kénitra"],
        [new("fr", CefrLevel.B1, 0.5), new("ary", CefrLevel.B1, 0.6)],
        IscedLevel.LowerSecondary, 5, false, ["Distribution", "Market", "Commerce", "Boutiques", "Négoce"]),

        new("cleaning", "Propreté et services aux bâtiments",
        [
            new("303a1e34-cb16-4054-b323-81e5eec17397", "Agent·e d'entretien et de propreté", "Cleaner"),
            new("cbad55a4-c7cf-4ab6-9540-eac72b26729b", "Aide ménager·ère", "Domestic cleaner"),
            new("cb932c74-c13b-47e9-9a85-318bd8eb2f96", "Agent·e de nettoyage (transports)", "Train cleaner"),
            new("a48b9a5a-5ded-482d-8cda-7fd097a32c16", "Agent·e d'entretien des espaces verts", "Groundskeeper"),
            new("31808988-fc0a-4bc3-9e47-27216d6759f5", "Agent·e de sécurité", "Security guard"),
            new("f4a25243-b06a-42a9-9c69-246853df63ad", "Agent·e de maintenance polyvalent·e", "Handyman"),
        ],
        ["Casablanca", "Rabat", "Tanger", "Marrakech", "Agadir", "Salé", "Fès", "Oujda"],
        [new("ary", CefrLevel.A2, 0.6)],
        null, 10, false, ["Propreté", "Facility Services", "Nettoyage", "Multiservices", "Entretien"]),

        new("care", "Services à la personne et santé",
        [
            new("1391bdf9-bd61-4fb5-91ca-c29036ab2b60", "Auxiliaire de vie", "Home care aide"),
            new("0a5356bc-7f81-4e40-971d-c1dc789c5fb4", "Garde d'enfants à domicile", "Nanny"),
            new("3413f234-6230-47a8-8cc7-2691fd54ce3a", "Éducateur·rice petite enfance", "Child care worker"),
            new("d38c2107-98f2-47b7-8bb4-f69750d51082", "Aide-soignant·e en établissement", "Healthcare assistant"),
            new("f7b04542-d8c7-42db-8475-e63b507cce82", "Agent·e d'accueil", "Receptionist"),
        ],
        ["Casablanca", "Rabat", "Témara", "Marrakech", "Tanger", "Fès"],
        [new("fr", CefrLevel.B1, 0.6), new("ary", CefrLevel.A2, 0.6)],
        IscedLevel.LowerSecondary, 4, false, ["Services à la Personne", "Soins", "Assistance", "Santé Services", "Bien-Être"]),

        new("crafts", "Artisanat",
        [
            new("8b97d85f-4a7a-4908-aa72-9c947c0cb0cd", "Artisan·e tapissier·ère", "Carpet craftsperson"),
            new("b3cd0522-14a9-4e21-a7ee-c9a1f9c0de51", "Tisserand·e de tapis", "Carpet weaver"),
            new("72d03aad-2003-404e-ae71-a37206e3566b", "Maroquinier·ère artisan·e", "Leather craftsperson"),
            new("b9d03330-c71c-4827-8797-3e96249d54db", "Sculpteur·rice sur bois (thuya)", "Woodcarver"),
            new("b07e291d-1ea0-44d6-861c-e2c36861f9e3", "Vannier·ère", "Basket maker"),
            new("97896345-d102-4549-97a5-8851979e6938", "Potier·ère (céramique et zellige)", "Potter"),
            new("618a854a-4ecd-4535-84e6-350e1fe0aa0f", "Bijoutier·ère", "Jeweller"),
        ],
        ["Fès", "Marrakech", "Salé", "Essaouira", "Meknès", "Tiznit", "Safi"],
        [new("ary", CefrLevel.A2, 0.6)],
        null, 4, false, ["Artisanat", "Ateliers", "Coopérative", "Métiers d'Art", "Créations"]),
    ];

    public static DemoSector Sector(string key) => Sectors.Single(s => s.Key == key);

    public static readonly IReadOnlyList<DemoRegion> Regions =
    [
        new("REGION_10", 22, [("Rabat", 35), ("Salé", 25), ("Kénitra", 20), ("Témara", 20)],
            [("offshoring", 25), ("construction", 15), ("agriculture", 10), ("automotive", 8), ("retail", 12), ("cleaning", 12), ("care", 10), ("hospitality", 5), ("textile", 3)]),
        new("REGION_02", 25, [("Casablanca", 65), ("Mohammedia", 12), ("El Jadida", 8), ("Settat", 5), ("Berrechid", 10)],
            [("offshoring", 22), ("construction", 15), ("textile", 12), ("automotive", 8), ("retail", 15), ("cleaning", 12), ("care", 10), ("hospitality", 6)]),
        new("REGION_12", 15, [("Tanger", 65), ("Tétouan", 20), ("Larache", 8), ("Al Hoceïma", 7)],
            [("automotive", 22), ("textile", 18), ("offshoring", 12), ("hospitality", 12), ("construction", 12), ("retail", 8), ("cleaning", 8), ("agriculture", 4), ("care", 4)]),
        new("REGION_09", 12, [("Oujda", 55), ("Nador", 25), ("Berkane", 20)],
            [("offshoring", 14), ("agriculture", 22), ("construction", 20), ("retail", 14), ("cleaning", 12), ("care", 8), ("hospitality", 10)]),
        new("REGION_05", 10, [("Fès", 60), ("Meknès", 30), ("Taza", 10)],
            [("offshoring", 14), ("textile", 16), ("crafts", 18), ("agriculture", 10), ("construction", 12), ("hospitality", 10), ("retail", 10), ("cleaning", 6), ("care", 4)]),
        new("REGION_11", 9, [("Agadir", 40), ("Inezgane", 20), ("Aït Melloul", 20), ("Taroudant", 10), ("Tiznit", 10)],
            [("agriculture", 35), ("hospitality", 20), ("construction", 20), ("retail", 8), ("cleaning", 8), ("crafts", 4), ("care", 5)]),
        new("REGION_08", 7, [("Marrakech", 75), ("Safi", 12), ("Essaouira", 13)],
            [("hospitality", 35), ("crafts", 18), ("construction", 18), ("retail", 10), ("cleaning", 10), ("care", 5), ("agriculture", 4)]),
    ];

    /// <summary>ANAPEC agencies (one adviser each); the first is the demo adviser's.</summary>
    public static readonly IReadOnlyList<(string Agency, string City)> AnapecAgencies =
    [
        ("Agence ANAPEC Rabat Agdal", "Rabat"), ("Agence ANAPEC Salé", "Salé"), ("Agence ANAPEC Kénitra", "Kénitra"),
        ("Agence ANAPEC Casablanca Maârif", "Casablanca"), ("Agence ANAPEC Casablanca Aïn Sebaâ", "Mohammedia"),
        ("Agence ANAPEC Tanger", "Tanger"), ("Agence ANAPEC Tétouan", "Tétouan"), ("Agence ANAPEC Oujda", "Oujda"),
        ("Agence ANAPEC Fès", "Fès"), ("Agence ANAPEC Meknès", "Meknès"), ("Agence ANAPEC Agadir", "Agadir"),
        ("Agence ANAPEC Marrakech", "Marrakech"),
    ];

    /// <summary>Invented company name roots (place names and common words), combined with a sector word.</summary>
    public static readonly string[] CompanyRoots =
    [
        "Anzar", "Tilila", "Amlal", "Tafraout", "Issil", "Aghbalou", "Tamount", "Zitoun", "Nour Horizon", "Azur Sahel",
        "Oued Sebou", "Bouregreg Vallée", "Cap Spartel", "Gharb Vert", "Moulouya", "Saïss", "Chaouia Nord", "Argania",
        "Tamaris", "Menzeh", "Oasis Draa", "Ifri", "Tizi", "Amane", "Tazerzit", "Assif", "Iguidi", "Adrar", "Talborjt",
        "Tadla Sud", "Jbel Zerhoun", "Ras El Ma", "Nakhil", "Yasmine", "Rif Méditerranée", "Lixus", "Volubilis Sud",
        "Anfa Ouest", "Sidi Maarouf Park", "Atlantique Nord", "Targa", "Agdal Vert", "Bab Ftouh", "Palmeraie Sud",
        "Ourika", "Amizmiz", "Tamesna", "Sakia", "Oulja", "Belvédère", "Hay Riad", "Tafilalt", "Medina Nova",
    ];

    public static readonly string[] LegalForms = ["SARL", "SA", "SARL AU", "SAS"];

    public static readonly string[] Streets =
    [
        "Zone industrielle, lot", "Parc d'activités, bâtiment", "Avenue Hassan II, n°", "Boulevard Mohammed V, n°",
        "Quartier industriel, lot", "Technopole, plateau", "Route nationale, km", "Rue Ibn Khaldoun, n°",
    ];
}
