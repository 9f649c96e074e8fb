using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Matching.Web.Resources;

/// <summary>
/// The UI strings, remembered per culture once read: resource files do not change while the portal runs, and a
/// shortlist page looks up thousands of them (ResourceManager walks the culture fallback chain on every call).
/// Only compiled-in strings are held; arguments are formatted per call, so nothing of a request is kept.
/// </summary>
public sealed class CachedSharedLocalizer(IStringLocalizerFactory factory) : IStringLocalizer<SharedResource>
{
    private readonly IStringLocalizer _resources = factory.Create(typeof(SharedResource));
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _strings = new();

    public LocalizedString this[string name]
    {
        get
        {
            ArgumentNullException.ThrowIfNull(name);
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (_strings.TryGetValue(key, out var known)) return known;
            var found = _resources[name];
            // Only names the resource files have are kept: a name built from input cannot grow the cache.
            return found.ResourceNotFound ? found : _strings.GetOrAdd(key, found);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _resources.GetAllStrings(includeParentCultures);
}
