using System.Text;
using System.Text.RegularExpressions;
using Cpvendor.Store.Model;

namespace Cpvendor.Sources.Php;

/// <summary>
/// The PHP builds a host has, found where their packages put them (docs/panels/php.md): CloudLinux
/// alt-php (<c>/opt/alt/phpXY/usr/bin/php</c>), cPanel ea-php (<c>/opt/cpanel/ea-phpXY/root/usr/bin/php</c>),
/// Remi (<c>/opt/remi/phpXY/root/usr/bin/php</c>), Debian's and Ubuntu's own (<c>/usr/bin/phpX.Y</c>,
/// <c>/usr/bin/php-cgiX.Y</c>, <c>/usr/sbin/php-fpmX.Y</c>) and EL's (<c>/usr/bin/php</c>, its version
/// from the module API number in the binary's build id). The tree is read through
/// <see cref="HostTree"/>: nothing is run, no link leads out of the root.
/// </summary>
internal static partial class PhpDiscovery
{
    /// <summary>The most of EL's PHP binary read for its build id.</summary>
    public const long MaxBinaryBytes = 64L << 20;

    /// <summary>The builds, sorted by identifier, and the identifier of the one <c>/usr/bin/php</c> is (null when none).</summary>
    public sealed record Result(IReadOnlyList<PhpVersionRow> Builds, string? Native);

    public static Result Discover(string root)
    {
        var tree = new HostTree(root);
        var builds = new List<PhpVersionRow>();
        foreach (var name in tree.Names("/opt/alt"))
        {
            if (Digits().Match(name) is { Success: true } m && tree.IsFile($"/opt/alt/{name}/usr/bin/php"))
                builds.Add(PhpLayouts.Alt(m.Groups[1].Value, tree.IsFile($"/opt/alt/{name}/usr/sbin/php-fpm")));
        }

        foreach (var name in tree.Names("/opt/cpanel"))
        {
            if (EaDigits().Match(name) is { Success: true } m && tree.IsFile($"/opt/cpanel/{name}/root/usr/bin/php"))
                builds.Add(PhpLayouts.Ea(m.Groups[1].Value, tree.IsFile($"/opt/cpanel/{name}/root/usr/sbin/php-fpm")));
        }

        foreach (var name in tree.Names("/opt/remi"))
        {
            if (Digits().Match(name) is { Success: true } m && tree.IsFile($"/opt/remi/{name}/root/usr/bin/php"))
                builds.Add(PhpLayouts.Remi(m.Groups[1].Value, tree.IsFile($"/opt/remi/{name}/root/usr/sbin/php-fpm")));
        }

        // Debian and Ubuntu: /usr/bin/php is a link (through /etc/alternatives) to the default phpX.Y.
        var native = tree.HostPathOf("/usr/bin/php") is { } target && DebianBinary().Match(target) is { Success: true } t ? t.Groups[1].Value : null;
        var versions = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var name in tree.Names("/usr/bin").Concat(tree.Names("/usr/sbin")))
        {
            if (DebianName().Match(name) is { Success: true } m)
                versions.Add(m.Groups[1].Value);
        }

        foreach (var version in versions)
        {
            var sapi = tree.IsFile($"/usr/sbin/php-fpm{version}") ? PhpLayouts.Sapi.Fpm
                : tree.IsFile($"/usr/bin/php-cgi{version}") ? PhpLayouts.Sapi.Cgi
                : tree.IsFile($"/usr/bin/php{version}") ? PhpLayouts.Sapi.Cli
                : (PhpLayouts.Sapi?)null;
            if (sapi is { } s && PhpLayouts.Debian(version, s, version == native) is { } row)
                builds.Add(row);
        }

        string? nativeId = native is null ? null : builds.FirstOrDefault(b => b.Identifier == "os-php" + native.Replace(".", "", StringComparison.Ordinal))?.Identifier;
        if (native is null && !tree.IsDirectory("/etc/php") && ElVersion(tree) is { } elVersion)
        {
            var row = PhpLayouts.El(elVersion, tree.IsFile("/usr/sbin/php-fpm"));
            builds.Add(row);
            nativeId = row.Identifier;
        }

        return new Result(builds.DistinctBy(b => b.Identifier, StringComparer.Ordinal).OrderBy(b => b.Identifier, StringComparer.Ordinal).ToList(), nativeId);
    }

    /// <summary>
    /// The X.Y version of EL's <c>/usr/bin/php</c>: its build id (<c>API20220829,NTS</c>) names the
    /// module API number, which names the version. Read in bounded pieces, never run.
    /// </summary>
    private static string? ElVersion(HostTree tree)
    {
        if (tree.Read("/usr/bin/php", MaxBinaryBytes) is not { } chunks)
            return null;
        var tail = "";
        foreach (var chunk in chunks)
        {
            // Latin-1 keeps one char per byte, so a match across two pieces is found with the tail of the first.
            var text = tail + Encoding.Latin1.GetString(chunk.Span);
            if (BuildId().Match(text) is { Success: true } m)
                return PhpModuleApi.VersionOf(m.Groups[1].Value);
            tail = text[^Math.Min(text.Length, 16)..];
        }

        return null;
    }

    [GeneratedRegex(@"^php(\d{2,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Digits();

    [GeneratedRegex(@"^ea-php(\d{2,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex EaDigits();

    [GeneratedRegex(@"^php(?:-cgi|-fpm)?(\d\.\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DebianName();

    [GeneratedRegex(@"^/usr/bin/php(\d\.\d{1,2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DebianBinary();

    [GeneratedRegex(@"API(20\d{6}),N?TS", RegexOptions.CultureInvariant)]
    private static partial Regex BuildId();
}
