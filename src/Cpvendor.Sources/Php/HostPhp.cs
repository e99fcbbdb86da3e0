using Cpvendor.Store.Model;

namespace Cpvendor.Sources.Php;

/// <summary>
/// The PHP builds a sync serves and how a domain's wanted version becomes one (docs/panels/php.md):
/// the builds configured with <c>cpvendor settings php</c> first (they add or override), then those
/// the panel names for this host (ISPConfig's <c>server_php</c>), then those found on the host; one
/// row per identifier, the first wins. A configured row that is exactly a layout's row of a build no
/// longer found is a build that went, not the administrator's word, and leaves with it.
/// </summary>
internal sealed class HostPhp
{
    /// <summary>Among builds of one X.Y version, the order a domain's version is matched in: the administrator's, then the host's own, Remi, alt-php, ea-php.</summary>
    private static readonly string[] Preference = ["os-php", "remi-php", "alt-php", "ea-php"];

    private readonly HashSet<string> configured;

    public HostPhp(PhpSetup setup, PhpDiscovery.Result discovered, IReadOnlyList<PhpVersionRow> panel)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(discovered);
        var found = panel.Concat(discovered.Builds).Select(b => b.Identifier).ToHashSet(StringComparer.Ordinal);
        var kept = setup.Configured.Where(c => found.Contains(c.Identifier) || !PhpLayouts.IsLayoutRow(c)).ToList();
        configured = kept.Select(c => c.Identifier).ToHashSet(StringComparer.Ordinal);
        Builds = kept.Concat(panel).Concat(discovered.Builds).DistinctBy(b => b.Identifier, StringComparer.Ordinal)
            .OrderBy(b => b.Identifier, StringComparer.Ordinal).ToList();
        // The panel's default PHP: the configured one (the store applies it to domains without their
        // own), else the host's own PHP (/usr/bin/php), which domains then name explicitly.
        Fallback = setup.ConfiguredDefault is { } d && Builds.Any(b => b.Identifier == d) ? null : discovered.Native;
        DefaultName = setup.ConfiguredDefault ?? discovered.Native;
    }

    public IReadOnlyList<PhpVersionRow> Builds { get; }

    /// <summary>What a domain without a mapped PHP names: null when the configured default applies by itself.</summary>
    public string? Fallback { get; }

    /// <summary>The default PHP a domain without its own gets, for messages; null when there is none.</summary>
    public string? DefaultName { get; }

    /// <summary>The build of an X.Y version, or null.</summary>
    public string? ForVersion(string version) =>
        Builds.Where(b => b.Version == version)
            .OrderBy(b => configured.Contains(b.Identifier) ? -1 : Array.FindIndex(Preference, p => b.Identifier.StartsWith(p, StringComparison.Ordinal)) is var i and >= 0 ? i : Preference.Length)
            .ThenBy(b => b.Identifier, StringComparer.Ordinal)
            .Select(b => b.Identifier).FirstOrDefault();
}
