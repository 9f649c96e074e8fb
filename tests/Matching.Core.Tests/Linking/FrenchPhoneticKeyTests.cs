using Matching.Core.Linking;

namespace Matching.Core.Tests.Linking;

public class FrenchPhoneticKeyTests
{
    private static string? KeyOf(string word) => FrenchPhoneticKey.Of(TitleNormalizer.Tokens(word).Single());

    [Theory]
    [InlineData("patisié", "pâtissier")]       // -ié for -ier, s for ss
    [InlineData("menuisié", "menuisier")]
    [InlineData("boulangé", "boulanger")]      // -é for -er
    [InlineData("chofeur", "chauffeur")]       // o for au, f for ff
    [InlineData("feraileur", "ferrailleur")]   // single for double consonants
    [InlineData("téléconseillé", "téléconseiller")]
    [InlineData("resepsioniste", "réceptionniste")] // s for c, -sion for -tion
    [InlineData("pintre", "peintre")]          // in for ein
    [InlineData("charpantier", "charpentier")] // an for en
    [InlineData("forjeron", "forgeron")]       // j for ge
    [InlineData("cuisignier", "cuisinier")]    // gn for ni
    [InlineData("magazinier", "magasinier")]   // z for s
    [InlineData("tuyoteur", "tuyauteur")]      // o for au
    [InlineData("boutik", "boutique")]         // k for qu
    [InlineData("ménaje", "ménage")]           // j for g(e)
    [InlineData("technisien", "technicien")]
    public void Spellings_by_ear_share_the_key_of_the_written_word(string byEar, string written) =>
        Assert.Equal(KeyOf(written), KeyOf(byEar));

    [Theory]
    [InlineData("coiffeur", "coffreur")]
    [InlineData("vendeur", "fondeur")]
    [InlineData("cuisinier", "cuisine")]
    [InlineData("caissier", "casier")]
    [InlineData("boucher", "bouchon")]
    public void Words_that_sound_different_keep_different_keys(string a, string b) => Assert.NotEqual(KeyOf(a), KeyOf(b));

    [Fact]
    public void A_label_c_before_a_or_o_is_also_read_as_a_lost_cedilla() =>
        Assert.Equal(KeyOf("masson"), FrenchPhoneticKey.Of("macon", cedilla: true));

    [Theory]
    [InlineData("mur")]
    [InlineData("b2b")]
    public void Short_words_and_codes_have_no_key(string token) => Assert.Null(FrenchPhoneticKey.Of(token));
}
