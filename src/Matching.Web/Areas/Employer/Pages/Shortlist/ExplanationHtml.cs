using System.Globalization;
using System.Text.Encodings.Web;
using Matching.Core.Domain;
using Matching.Web.Infrastructure;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Matching.Web.Areas.Employer.Pages.Shortlist;

/// <summary>
/// A card's explanation as a definition list (coverage, matched and missing essential skills, transferable skills,
/// languages, distance, availability), shared by the shortlist, its printable page and the candidate page. Written
/// straight to the response: a partial view per card cost the 100-card shortlist about a tenth of its server time,
/// and the labels, the same on every card, are looked up once per page.
/// </summary>
public sealed class ExplanationHtml
{
    private readonly IStringLocalizer _t;
    private readonly string _coverage, _matched, _missing, _noneMissing, _transferable, _languages, _distance, _available, _availableNow;
    private readonly Dictionary<string, string> _languageNames = [];
    private readonly Dictionary<CefrLevel, string> _levels = [];

    public ExplanationHtml(IStringLocalizer t)
    {
        _t = t;
        _coverage = t["Explain.Coverage"];
        _matched = t["Explain.Matched"];
        _missing = t["Explain.Missing"];
        _noneMissing = t["Explain.NoneMissing"];
        _transferable = t["Explain.Transferable"];
        _languages = t["Vacancy.Languages"];
        _distance = t["Explain.Distance"];
        _available = t["Explain.Available"];
        _availableNow = t["Explain.AvailableNow"];
    }

    public IHtmlContent For(ShortlistCard card) => new Content(this, card);

    private string LanguageName(string code) =>
        _languageNames.TryGetValue(code, out var name) ? name : _languageNames[code] = _t["Language." + code];

    private string Level(CefrLevel? level) =>
        level is not { } known ? Display.Missing : _levels.TryGetValue(known, out var name) ? name : _levels[known] = _t.Enum(known);

    private sealed class Content(ExplanationHtml labels, ShortlistCard card) : IHtmlContent
    {
        public void WriteTo(TextWriter writer, HtmlEncoder encoder)
        {
            writer.Write("<dl class=\"explanation\" data-testid=\"explanation\">");
            if (card.Coverage is { } coverage)
                Item(writer, encoder, labels._coverage, "coverage", coverage.ToString("P0", CultureInfo.CurrentCulture));

            Open(writer, encoder, labels._matched, "matched");
            if (card.MatchedEssential.Count == 0) encoder.Encode(writer, Display.Missing);
            Chips(writer, encoder, card.MatchedEssential, "chip chip-ok");
            Close(writer);

            Open(writer, encoder, labels._missing, "missing");
            if (card.MissingEssential.Count == 0) encoder.Encode(writer, labels._noneMissing);
            Chips(writer, encoder, card.MissingEssential, "chip chip-warn");
            Close(writer);

            if (card.Transferable.Count > 0)
            {
                Open(writer, encoder, labels._transferable, "transferable");
                Chips(writer, encoder, card.Transferable, "chip");
                Close(writer);
            }
            if (card.Languages.Count > 0)
            {
                Open(writer, encoder, labels._languages, "languages");
                foreach (var language in card.Languages)
                {
                    writer.Write(language.Ok == false ? "<span class=\"chip chip-warn\">" : "<span class=\"chip chip-ok\">");
                    encoder.Encode(writer, labels._t["Explain.Language", labels.LanguageName(language.Code), labels.Level(language.Actual), labels.Level(language.Required)]);
                    writer.Write("</span>");
                }
                Close(writer);
            }
            Item(writer, encoder, labels._distance, "distance", card.DistanceKm is { } km ? labels._t["Explain.Km", Math.Round(km)] : Display.Missing);
            Item(writer, encoder, labels._available, "available", card.AvailableFrom is { } from ? Display.Date(from) : labels._availableNow);
            writer.Write("</dl>");
        }

        private static void Open(TextWriter writer, HtmlEncoder encoder, string label, string testId)
        {
            writer.Write("<div><dt>");
            encoder.Encode(writer, label);
            writer.Write("</dt><dd data-testid=\"");
            writer.Write(testId);
            writer.Write("\">");
        }

        private static void Close(TextWriter writer) => writer.Write("</dd></div>");

        private static void Item(TextWriter writer, HtmlEncoder encoder, string label, string testId, string value)
        {
            Open(writer, encoder, label, testId);
            encoder.Encode(writer, value);
            Close(writer);
        }

        private static void Chips(TextWriter writer, HtmlEncoder encoder, IReadOnlyList<string> skills, string chipClass)
        {
            foreach (var skill in skills)
            {
                writer.Write("<span class=\"");
                writer.Write(chipClass);
                writer.Write("\">");
                encoder.Encode(writer, skill);
                writer.Write("</span>");
            }
        }
    }
}
