using Matching.Core.Linking;

namespace Matching.Core.Tests.Linking;

public class ArabicLinkingTests
{
    private const string Esco = "http://data.europa.eu/esco/occupation/";
    private const string Cook = Esco + "90f75f67-495d-49fa-ab57-2f320e251d7e", Chef = Esco + "1009be17-7efd-45f1-a033-566bf179c588",
        Carpenter = Esco + "2a22ff9e-de3b-408d-b312-5034896cc4f4", RestaurantManager = Esco + "d5eb6150-bbff-4a9c-9d0c-21eab4dbe2b6";

    private static string Norm(string text) => string.Join(' ', ArabicNormalizer.Tokens(text));

    [Theory]
    [InlineData("مُحَاسِبٌ", "محاسب")]               // tashkeel
    [InlineData("سبّاك", "سباك")]                   // shadda
    [InlineData("نجـــار", "نجار")]                 // tatweel
    [InlineData("أخصائي", "اخصائي")]                // alef with hamza above
    [InlineData("إداري", "اداري")]                  // alef with hamza below
    [InlineData("كهربائى", "كهربائي")]              // alef maksura
    [InlineData("ﻧﺠﺎﺭ", "نجار")]                    // presentation forms
    public void Drops_marks_and_unifies_letter_forms(string written, string plain) => Assert.Equal(Norm(plain), Norm(written));

    [Theory]
    [InlineData("طباخة", "طباخ")]                   // ta marbuta: feminine
    [InlineData("طباخه", "طباخ")]                   // ta marbuta written as ha
    [InlineData("مهندسة ميكانيكية", "مهندس ميكانيكي")]
    [InlineData("مهندسين", "مهندس")]                // sound masculine plural
    [InlineData("فنيين", "فني")]
    [InlineData("المبيعات", "مبيعة")]               // sound feminine plural and article
    public void Folds_feminine_endings_and_sound_plurals(string written, string masculine) => Assert.Equal(Norm(masculine), Norm(written));

    [Theory]
    [InlineData("المدير", "مدير")]
    [InlineData("والاتصالات", "اتصالات")]
    [InlineData("بالمدرسة", "مدرسة")]
    [InlineData("للمبيعات", "مبيعات")]
    [InlineData("مدير المطعم", "مدير مطعم")]
    public void Drops_the_article_and_its_glued_prepositions(string written, string bare) => Assert.Equal(Norm(bare), Norm(written));

    [Fact]
    public void Leaves_words_that_only_look_like_plurals_or_articles()
    {
        Assert.Equal("تخزين", Norm("تخزين"));          // a verbal noun, not a plural
        Assert.Equal("الات", Norm("الآلات"));          // the article goes, the madda alef stays a letter
        Assert.Equal("الات", Norm("آلات"));            // alef madda is not an article
        Assert.Equal("فنان", Norm("فنان"));
    }

    [Fact]
    public void Splits_gendered_labels_into_halves_that_normalise_alike()
    {
        var halves = ArabicNormalizer.GenderedForms("مدير المطعم / مديرة المطعم").ToList();
        Assert.Equal(["مدير المطعم", "مديرة المطعم"], halves);
        Assert.Equal(Norm(halves[0]), Norm(halves[1]));
        Assert.Equal(["نجار"], ArabicNormalizer.GenderedForms("نجار"));
    }

    [Fact]
    public void Reads_arabic_indic_digits_and_keeps_latin_words()
    {
        Assert.Equal(Norm("سائق 35 طن"), Norm("سائق ٣٥ طن"));
        Assert.Contains("technicien", ArabicNormalizer.Tokens("technicien صيانة"));
    }

    [Theory]
    [InlineData("طباخة", true)]
    [InlineData("مدير IT", true)]
    [InlineData("serveur", false)]
    [InlineData("technicien de maintenance صيانة", false)]
    public void Tells_arabic_titles_from_latin_ones(string title, bool arabic) => Assert.Equal(arabic, ArabicNormalizer.IsMostlyArabic(title));

    [Fact]
    public void Links_a_feminine_everyday_title_to_cook()
    {
        // ESCO v1.1.1 labels cook and chef alike ("طاهي / طاهية"): cook must be ranked first or tied with the first.
        var hits = OccupationLinker.Shared.Link("طباخة", "ar", 5);
        Assert.Contains(hits[0].Uri, new[] { Cook, Chef });
        var cook = hits.Single(h => h.Uri == Cook);
        Assert.Equal(hits[0].Score, cook.Score, 4);
        Assert.Equal("طاهي / طاهية", cook.Label);
    }

    [Theory]
    [InlineData("نجار", "ar")]
    [InlineData("نجارة", "fr")]   // an Arabic title on a French form still links
    [InlineData("نجار", "en")]
    public void Links_carpenter_whatever_the_form_language(string title, string lang) =>
        Assert.Equal(Carpenter, OccupationLinker.Shared.Link(title, lang, 3)[0].Uri);

    [Fact]
    public void Links_a_gendered_label_half_and_a_typo()
    {
        Assert.Equal(RestaurantManager, OccupationLinker.Shared.Link("مديرة مطعم", "ar", 3)[0].Uri);
        Assert.Equal(Carpenter, OccupationLinker.Shared.Link("نجاار", "ar", 3)[0].Uri);
    }

    [Fact]
    public void Reads_a_latin_title_given_as_arabic_as_french() =>
        Assert.Equal(OccupationLinker.Shared.Link("menuisier", "fr", 3).Select(h => h.Uri), OccupationLinker.Shared.Link("menuisier", "ar", 3).Select(h => h.Uri));

    [Fact]
    public void Rejects_an_unknown_language() =>
        Assert.Throws<ArgumentException>(() => OccupationLinker.Shared.Link("نجار", "de", 3));
}
