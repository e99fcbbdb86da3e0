using System.Text.RegularExpressions;
using Cpvendor.Store.Model;

namespace Cpvendor.Sources.Php;

/// <summary>
/// Where each family of PHP builds keeps its parts, as the contract's PHP fields (docs/contract.md
/// section 3; docs/panels/php.md has the table and where each fact comes from). One place for the
/// rules: host discovery and the panels' own PHP records both build their rows here.
/// </summary>
internal static partial class PhpLayouts
{
    /// <summary>Which server API a build's handler runs: its php.ini and scan directory follow it on Debian.</summary>
    public enum Sapi
    {
        Fpm,
        Cgi,
        Cli,
    }

    /// <summary>CloudLinux alt-php: <c>/opt/alt/phpXY</c>.</summary>
    public static PhpVersionRow Alt(string digits, bool fpm)
    {
        var dir = $"/opt/alt/php{digits}";
        return new PhpVersionRow($"alt-php{digits}", Dotted(digits), $"{dir}/usr/lib64/php/modules", dir, $"{dir}/usr/bin/php",
            $"{dir}/etc/php.ini", $"{dir}/link/conf", false, fpm ? $"alt-php{digits}-fpm" : null);
    }

    /// <summary>cPanel EasyApache ea-php: <c>/opt/cpanel/ea-phpXY/root</c>.</summary>
    public static PhpVersionRow Ea(string digits, bool fpm)
    {
        var dir = $"/opt/cpanel/ea-php{digits}/root";
        return new PhpVersionRow($"ea-php{digits}", Dotted(digits), $"{dir}/usr/lib64/php/modules", dir, $"{dir}/usr/bin/php",
            $"{dir}/etc/php.ini", $"{dir}/etc/php.d", false, fpm ? $"ea-php{digits}-php-fpm" : null);
    }

    /// <summary>Remi's software collections on EL: the tree in <c>/opt/remi/phpXY/root</c>, the configuration in <c>/etc/opt/remi/phpXY</c>.</summary>
    public static PhpVersionRow Remi(string digits, bool fpm)
    {
        var dir = $"/opt/remi/php{digits}/root";
        return new PhpVersionRow($"remi-php{digits}", Dotted(digits), $"{dir}/usr/lib64/php/modules", dir, $"{dir}/usr/bin/php",
            $"/etc/opt/remi/php{digits}/php.ini", $"/etc/opt/remi/php{digits}/php.d", false, fpm ? $"php{digits}-php-fpm" : null);
    }

    /// <summary>
    /// Debian's and Ubuntu's own PHP X.Y (and the third-party repository with their layout): one
    /// configuration per server API in <c>/etc/php/X.Y/SAPI</c>, the extensions in
    /// <c>/usr/lib/php/API</c>, the FPM service <c>phpX.Y-fpm</c>. Null for a version whose module
    /// API number is unknown.
    /// </summary>
    public static PhpVersionRow? Debian(string version, Sapi sapi, bool native)
    {
        if (PhpModuleApi.Of(version) is not { } api)
            return null;
        var conf = $"/etc/php/{version}/{sapi.ToString().ToLowerInvariant()}";
        return new PhpVersionRow($"os-php{version.Replace(".", "", StringComparison.Ordinal)}", version, $"/usr/lib/php/{api}", "/usr",
            $"/usr/bin/php{version}", $"{conf}/php.ini", $"{conf}/conf.d", native, sapi == Sapi.Fpm ? $"php{version}-fpm" : null);
    }

    /// <summary>The PHP of EL and CloudLinux itself: <c>/usr/bin/php</c>, <c>/etc/php.ini</c>, <c>/etc/php.d</c>, <c>/usr/lib64/php/modules</c>.</summary>
    public static PhpVersionRow El(string version, bool fpm) =>
        new($"os-php{version.Replace(".", "", StringComparison.Ordinal)}", version, "/usr/lib64/php/modules", "/usr", "/usr/bin/php",
            "/etc/php.ini", "/etc/php.d", true, fpm ? "php-fpm" : null);

    /// <summary>
    /// The build a path of a panel's PHP record lies in (a php-cgi binary, an ini directory, an FPM
    /// init script), or null. <paramref name="fpm"/> says whether the record runs it under FPM.
    /// </summary>
    public static PhpVersionRow? FromPath(string path, bool fpm, string? fpmService)
    {
        ArgumentNullException.ThrowIfNull(path);
        PhpVersionRow? row = null;
        if (AltPath().Match(path) is { Success: true } alt)
            row = Alt(alt.Groups[1].Value, true);
        else if (EaPath().Match(path) is { Success: true } ea)
            row = Ea(ea.Groups[1].Value, true);
        else if (RemiPath().Match(path) is { Success: true } remi)
            row = Remi(remi.Groups[1].Value, true);
        else if (DebianPath().Match(path) is { Success: true } debian)
            row = Debian(debian.Groups["v"].Value, fpm ? Sapi.Fpm : Sapi.Cgi, false);
        if (row is null)
            return null;
        return row with { FpmService = fpm ? fpmService ?? row.FpmService : row.FpmService };
    }

    /// <summary>Whether a row is exactly what one of the layouts above makes for its identifier (a found build, not an administrator's own).</summary>
    public static bool IsLayoutRow(PhpVersionRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (Identifier().Match(row.Identifier) is not { Success: true } m)
            return false;
        var digits = m.Groups[2].Value;
        var version = Dotted(digits);
        IEnumerable<PhpVersionRow?> candidates = m.Groups[1].Value switch
        {
            "alt" => [Alt(digits, true), Alt(digits, false)],
            "ea" => [Ea(digits, true), Ea(digits, false)],
            "remi" => [Remi(digits, true), Remi(digits, false)],
            _ => [El(version, true), El(version, false),
                ..Enum.GetValues<Sapi>().SelectMany(s => new[] { Debian(version, s, true), Debian(version, s, false) })],
        };
        return candidates.Contains(row);
    }

    public static string Dotted(string digits) => digits[..1] + "." + digits[1..];

    [GeneratedRegex(@"^(alt|ea|remi|os)-php(\d{2,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^/opt/alt/php(\d{2,3})(/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex AltPath();

    [GeneratedRegex(@"^/opt/cpanel/ea-php(\d{2,3})(/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex EaPath();

    [GeneratedRegex(@"^(?:/etc)?/opt/remi/php(\d{2,3})(?:/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex RemiPath();

    /// <summary>/usr/bin/php-cgiX.Y, /usr/bin/phpX.Y, /usr/sbin/php-fpmX.Y, /etc/php/X.Y/..., or an init script phpX.Y-fpm.</summary>
    [GeneratedRegex(@"^(?:/usr/s?bin/php(?:-cgi|-fpm)?(?<v>\d\.\d{1,2})$|/etc/php/(?<v>\d\.\d{1,2})(?:/|$)|(?:/etc/init\.d/)?php(?<v>\d\.\d{1,2})-fpm$)", RegexOptions.CultureInvariant)]
    private static partial Regex DebianPath();
}
