using Matching.Core.Linking;

namespace Matching.Core.Tests.Linking;

public class TitleNormalizerTests
{
    private static string Norm(string text) => string.Join(' ', TitleNormalizer.Tokens(text));

    [Theory]
    [InlineData("Accrocheur / Accrocheuse", "accrocheur")]
    [InlineData("vendeur/vendeuse", "vendeur")]
    [InlineData("directeur technique/directrice technique", "directeur technique")]
    [InlineData("agent/e de sécurité", "agent de sécurité")]
    [InlineData("chauffeur/euse", "chauffeur")]
    [InlineData("agent(e) de sécurité", "agent de sécurité")]
    [InlineData("employé·e de maison", "employé de maison")]
    [InlineData("salarié-e", "salarié")]
    [InlineData("infirmier(e) polyvalent(e)", "infirmier polyvalent")]
    [InlineData("boulangère", "boulanger")]
    [InlineData("technicienne", "technicien")]
    [InlineData("maçonne", "maçon")]
    [InlineData("conductrice", "conducteur")]
    [InlineData("agente", "agent")]
    public void Folds_gendered_writings_to_one_form(string written, string masculine) => Assert.Equal(Norm(masculine), Norm(written));

    [Theory]
    [InlineData("vendeur(se)", "vendeur")]
    [InlineData("agent(e)", "agent")]
    [InlineData("employé·e", "employe")]
    [InlineData("chauffeur/euse", "chauffeur")]
    [InlineData("agent/e", "agent")]
    [InlineData("agent.e", "agent")]
    [InlineData("Accrocheur / Accrocheuse", "accrocheur / accrocheuse")]
    public void Removes_gender_markers_before_splitting_words(string written, string folded) => Assert.Equal(folded, TitleNormalizer.Fold(written));

    [Fact]
    public void Stems_feminine_and_plural_endings_to_the_masculine()
    {
        Assert.Equal("vendeur", TitleNormalizer.Stem("vendeuses"));
        Assert.Equal("directeur", TitleNormalizer.Stem("directrice"));
        Assert.Equal("boulanger", TitleNormalizer.Stem("boulangere"));
        Assert.Equal("technicien", TitleNormalizer.Stem("techniciennes"));
        Assert.Equal("macon", TitleNormalizer.Stem("maconne"));
    }

    [Theory]
    [InlineData("electricien batiment", "électricien du bâtiment")]
    [InlineData("RECEPTIONNISTE", "réceptionniste")]
    [InlineData("femme de menage", "femme de ménage")]
    [InlineData("manoeuvre", "manœuvre")]
    public void Ignores_accents_case_ligatures_and_stop_words(string a, string b) => Assert.Equal(Norm(b), Norm(a));

    [Theory]
    [InlineData("agent d'entretien", "agent entretien")]
    [InlineData("agent d’entretien", "agent entretien")]
    public void Drops_elisions(string written, string expected) => Assert.Equal(expected, Norm(written));

    [Fact]
    public void Drops_elisions_before_vowels_and_h() =>
        Assert.Equal(Norm("responsable hébergement"), Norm("responsable de l'hébergement"));

    [Theory]
    [InlineData("ouvriers agricoles", "ouvrier agricole")]
    [InlineData("chauffeurs poids lourds", "chauffeur poids lourd")]
    [InlineData("vendeuses", "vendeur")]
    public void Folds_plurals(string plural, string singular) => Assert.Equal(Norm(singular), Norm(plural));

    [Theory]
    [InlineData("resp. RH", "responsable ressources humaines")]
    [InlineData("tech. de maintenance", "technicien de maintenance")]
    [InlineData("agt de sécurité", "agent de sécurité")]
    [InlineData("conducteur d'engins BTP", "conducteur d'engins bâtiment travaux publics")]
    [InlineData("dev web", "développeur web")]
    [InlineData("prof de maths", "prof de mathématiques")]
    public void Expands_common_abbreviations(string abbreviated, string full) => Assert.Equal(Norm(full), Norm(abbreviated));

    [Theory]
    [InlineData("chargée de clientèle", "chargé de clientèle")]
    [InlineData("employées de maison", "employé de maison")]
    [InlineData("Déléguée médicale", "délégué médical")]
    public void Folds_feminine_participles_to_the_masculine(string feminine, string masculine) =>
        Assert.Equal(Norm(masculine), Norm(feminine));

    [Theory]
    [InlineData("Magasinier – Cariste", "magasinier|cariste")]
    [InlineData("Caissier/vendeur H/F", "caissier|vendeur")]
    [InlineData("Repasseuse / finisseuse atelier confection", "repasseur atelier confection|finisseur atelier confection")]
    [InlineData("Vendeur, caissier - Casablanca", "vendeur|caissier")]
    public void Splits_a_title_naming_several_jobs(string title, string parts) =>
        Assert.Equal(string.Join('|', parts.Split('|').Select(Norm)),
            string.Join('|', TitleNormalizer.QueryParts(title).Select(p => string.Join(' ', p))));

    [Theory]
    [InlineData("Opérateur H/F")]
    [InlineData("Vendeur/euse")]
    [InlineData("Conseiller(e) clientèle")]
    [InlineData("chauffeur-livreur")]
    [InlineData("Soudeur - Casablanca")]
    public void Does_not_split_one_job(string title) => Assert.Empty(TitleNormalizer.QueryParts(title));

    [Fact]
    public void Keeps_son_which_in_job_titles_is_the_noun_sound()
    {
        Assert.Equal(["operateur", "son"], TitleNormalizer.Tokens("opérateur du son"));
        Assert.NotEqual(Norm("technicien"), Norm("technicien son"));
    }

    [Fact]
    public void Keeps_words_that_only_look_like_markers()
    {
        Assert.Equal("aide soignant", Norm("aide-soignante"));
        Assert.Equal("poid lourd", Norm("poids lourd"));
        Assert.Empty(TitleNormalizer.Tokens("  de la  "));
    }
    [Theory]
    [InlineData("Agent de production H/F", "agent production")]
    [InlineData("Chef de rayon (H/F) - CDI", "chef rayon")]
    [InlineData("Recrute soudeur sérieux et motivé, 2 ans, Taroudant", "soudeur 2")]
    [InlineData("Vendeuse temps partiel (intérim) Bouskoura", "vendeur temps")]
    [InlineData("Comptable confirmé Casablanca", "comptable")]
    [InlineData("téléconseiller bilingue junior", "teleconseiller")]
    public void Query_tokens_drop_job_ad_noise(string title, string expected) =>
        Assert.Equal(string.Join(' ', TitleNormalizer.Tokens(expected)), string.Join(' ', TitleNormalizer.QueryTokens(title)));

    [Fact]
    public void Query_tokens_keep_noise_when_nothing_else_remains_and_keep_polyvalent()
    {
        Assert.Equal("junior", string.Join(' ', TitleNormalizer.QueryTokens("Junior")));
        Assert.Contains("polyvalent", TitleNormalizer.QueryTokens("infirmier polyvalent"));
    }
}
