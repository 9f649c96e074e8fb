using Matching.Core.Domain;

namespace Matching.Data.Demo;

/// <summary>French texts of the demo: partner services, mentoring organisations, logbook entries, referral reasons.</summary>
internal static class DemoTexts
{
    /// <summary>Invented associations and foundations (no real organisation is named).</summary>
    public static readonly string[] MentorOrganisations =
    [
        "Association Passerelles Solidaires", "Fondation Horizons Partagés", "Association Jisr Al Amal",
        "Réseau Entraide Sud", "Association Tawasol Oriental", "Fondation Sillons d'Avenir", "Association Mains Ouvertes",
        "Collectif Route de l'Emploi",
    ];

    public static readonly (PartnerService Provider, string Title, string Description, string? City)[] ServiceOffers =
    [
        (PartnerService.Anapec, "Atelier techniques de recherche d'emploi (TRE)", "Deux demi-journées : CV, lettre, simulation d'entretien.", "Rabat"),
        (PartnerService.Anapec, "Atelier techniques de recherche d'emploi (TRE)", "Deux demi-journées : CV, lettre, simulation d'entretien.", "Casablanca"),
        (PartnerService.Anapec, "Atelier techniques de recherche d'emploi (TRE)", "Deux demi-journées : CV, lettre, simulation d'entretien.", "Tanger"),
        (PartnerService.Anapec, "Programme Idmaj — contrat d'insertion", "Stage d'insertion en entreprise de 6 à 24 mois.", null),
        (PartnerService.Anapec, "Programme Taehil — formation qualifiante", "Formation d'adaptation au poste financée pour un recrutement.", null),
        (PartnerService.Anapec, "Accompagnement à l'auto-emploi", "Appui au montage d'un projet d'activité indépendante.", "Oujda"),
        (PartnerService.EntraideNationale, "Centre d'éducation et de formation — couture", "Formation de 9 mois en couture et broderie.", "Fès"),
        (PartnerService.EntraideNationale, "Centre d'éducation et de formation — cuisine", "Formation de 6 mois en cuisine et pâtisserie.", "Marrakech"),
        (PartnerService.EntraideNationale, "Espace multifonctionnel — alphabétisation", "Cours d'alphabétisation et de darija pour adultes.", "Oujda"),
        (PartnerService.EntraideNationale, "Programme d'appui aux personnes vulnérables", "Orientation sociale et aide aux démarches.", "Agadir"),
        (PartnerService.Ofppt, "Formation qualifiante — agent de centre d'appels", "Trois mois, français professionnel et outils CRM.", "Rabat"),
        (PartnerService.Ofppt, "Formation qualifiante — maçonnerie", "Quatre mois de formation pratique en chantier école.", "Agadir"),
        (PartnerService.Ofppt, "Formation qualifiante — cuisine", "Quatre mois, hygiène et techniques culinaires de base.", "Marrakech"),
        (PartnerService.Ofppt, "Formation qualifiante — couture industrielle", "Trois mois sur machines piqueuses et surjeteuses.", "Tanger"),
        (PartnerService.Ofppt, "Formation qualifiante — câblage automobile", "Deux mois, lecture de plans et sertissage.", "Kénitra"),
        (PartnerService.Ofppt, "Formation qualifiante — électricité du bâtiment", "Six mois, installations domestiques et sécurité.", "Casablanca"),
        (PartnerService.Ofppt, "Formation qualifiante — aide-soignant·e", "Six mois, soins de base et accompagnement.", "Casablanca"),
        (PartnerService.Odco, "Accompagnement à la création de coopérative", "Statuts, gouvernance et immatriculation d'une coopérative.", "Agadir"),
        (PartnerService.Odco, "Coopératives artisanales — intégration de membres", "Mise en relation avec des coopératives de tissage et de poterie.", "Fès"),
        (PartnerService.Odco, "Coopératives agricoles — saison de récolte", "Mise en relation avec des coopératives d'agrumes et d'argan.", "Berkane"),
        (PartnerService.Association, "Cours de darija pour le travail", "Cours du soir, niveau A1 à B1.", "Rabat"),
        (PartnerService.Association, "Cours de français langue étrangère (FLE)", "Cours intensifs pour anglophones et arabophones.", "Casablanca"),
        (PartnerService.Association, "Permanence juridique — titre de séjour", "Aide au renouvellement des cartes de séjour et de réfugié.", "Rabat"),
        (PartnerService.Association, "Soutien psychosocial", "Entretiens individuels et groupes de parole.", "Oujda"),
        (PartnerService.Association, "Garde d'enfants pendant la formation", "Halte-garderie pour les parents en formation.", "Tanger"),
    ];

    public const string FirstMeeting = "Premier entretien : présentation du parcours, des attentes et du projet professionnel.";

    public static readonly string[] MeetingNotes =
    [
        "Point mensuel : le CV est à jour, nous avons préparé une liste d'entreprises à contacter.",
        "Échange sur les difficultés de transport ; étude d'un abonnement de bus.",
        "Préparation d'un entretien d'embauche : présentation en deux minutes et questions fréquentes.",
        "Point sur le renouvellement du titre de séjour ; orientation vers la permanence juridique.",
        "Bilan des compétences acquises dans le pays d'origine et des équivalences possibles.",
    ];

    public static readonly string[] TrainingNotes =
    [
        "Inscription à la formation qualifiante ; début des cours la semaine prochaine.",
        "Assiduité régulière en formation, bons retours du formateur.",
        "Cours de darija commencés (niveau A1), motivation forte.",
        "Formation terminée avec attestation de réussite.",
    ];

    public static readonly string[] InterviewNotes =
    [
        "Entretien passé chez un employeur labellisé RSE ; réponse attendue sous dix jours.",
        "Entretien collectif réussi, convocation à un essai sur poste.",
        "Entretien non retenu : le niveau de français demandé était plus élevé. Plan de progression défini.",
    ];

    public static readonly string[] PlacementNotes =
    [
        "Embauche confirmée en CDD de six mois ; signature du contrat accompagnée.",
        "Début du stage d'insertion (contrat ANAPEC), accueil positif de l'équipe.",
        "Recrutement en CDI après la période d'essai.",
    ];

    public static readonly string[] FollowUpNotes =
    [
        "Suivi à un mois : intégration satisfaisante, horaires compatibles avec la garde des enfants.",
        "Suivi à trois mois : le tuteur en entreprise est satisfait, pas de difficulté signalée.",
        "Appel de suivi : souhaite évoluer vers un poste de chef d'équipe.",
    ];

    public static readonly string[] Notes =
    [
        "Rendez-vous reporté à la demande de la personne accompagnée.",
        "Documents administratifs scannés et classés.",
        "Orientation vers un service de soutien psychosocial.",
    ];

    public static string[] For(LogbookEntryKind kind) => kind switch
    {
        LogbookEntryKind.Meeting => MeetingNotes,
        LogbookEntryKind.Training => TrainingNotes,
        LogbookEntryKind.Interview => InterviewNotes,
        LogbookEntryKind.Placement => PlacementNotes,
        LogbookEntryKind.FollowUp => FollowUpNotes,
        _ => Notes,
    };

    public static readonly string[] ReferralReasons =
    [
        "Besoin d'une formation qualifiante avant un recrutement.",
        "Niveau de langue à renforcer pour les postes visés.",
        "Titre de séjour à renouveler prochainement.",
        "Projet d'activité indépendante à structurer.",
        "Besoin d'une garde d'enfants pour suivre la formation.",
    ];
}
