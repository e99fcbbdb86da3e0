using System.Globalization;
using System.Text.RegularExpressions;
using Cpvendor.Store.Model;

namespace Cpvendor.Sources.IspConfig;

/// <summary>
/// ISPConfig's additional PHP versions (<c>server_php</c>) as the contract's PHP versions. A row
/// says where the php-cgi binary and the ini directories are, not where the modules are; only the
/// layouts whose modules directory follows from the path are mapped: CloudLinux alt-php
/// (<c>/opt/alt/phpNN</c>) and cPanel's ea-php (<c>/opt/cpanel/ea-phpNN/root</c>), which is what the
/// PHP selector manages. Any other row is reported as unmapped and its websites use the panel's
/// default PHP version.
/// </summary>
internal static partial class IspConfigPhp
{
    public sealed record Row(long Id, string? Name, string? FastcgiBinary, string? FastcgiIniDir, string? FpmInitScript, string? FpmIniDir, string? FpmPoolDir);

    /// <summary>The contract's PHP version of a row, or null with the reason it cannot be mapped.</summary>
    public static (PhpVersionRow? Php, string? Problem) Map(Row row)
    {
        foreach (var path in new[] { row.FastcgiBinary, row.FpmIniDir, row.FastcgiIniDir, row.FpmInitScript })
        {
            if (path is null)
                continue;
            if (AltPhp().Match(path) is { Success: true } alt)
            {
                var digits = alt.Groups[1].Value;
                var dir = $"/opt/alt/php{digits}";
                return (new PhpVersionRow($"alt-php{digits}", Dotted(digits), $"{dir}/usr/lib64/php/modules", dir, $"{dir}/usr/bin/php",
                    $"{dir}/etc/php.ini", $"{dir}/link/conf", false, ServiceName(row.FpmInitScript) ?? $"alt-php{digits}-fpm"), null);
            }

            if (EaPhp().Match(path) is { Success: true } ea)
            {
                var digits = ea.Groups[1].Value;
                var dir = $"/opt/cpanel/ea-php{digits}/root";
                return (new PhpVersionRow($"ea-php{digits}", Dotted(digits), $"{dir}/usr/lib64/php/modules", dir, $"{dir}/usr/bin/php",
                    $"{dir}/etc/php.ini", $"{dir}/etc/php.d", false, ServiceName(row.FpmInitScript) ?? $"ea-php{digits}-php-fpm"), null);
            }
        }

        return (null, $"server_php {row.Id} '{row.Name}': not an alt-php (/opt/alt/phpNN) or ea-php build, so its modules directory is unknown; its websites use the default PHP version");
    }

    /// <summary>
    /// The row a 3.1 website's <c>fastcgi_php_version</c> names: ISPConfig wrote the row's name and
    /// paths joined by colons (three parts for Fast-CGI, four for PHP-FPM), as its 3.2 upgrade matches them.
    /// </summary>
    public static Row? ByLegacyValue(IReadOnlyCollection<Row> rows, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return null;
        return rows.FirstOrDefault(r => value == $"{r.Name}:{r.FastcgiBinary}:{r.FastcgiIniDir}")
            ?? rows.FirstOrDefault(r => value == $"{r.Name}:{r.FpmInitScript}:{r.FpmIniDir}:{r.FpmPoolDir}");
    }

    /// <summary>The handler of a website's PHP mode (<c>web_domain.php</c>); null where the contract has none.</summary>
    public static string? Handler(string? mode) => mode switch
    {
        "php-fpm" => "fpm",
        "fast-cgi" or "cgi" => "cgi",
        _ => null,
    };

    private static string Dotted(string digits) =>
        digits.Length >= 2 ? digits[..1] + "." + digits[1..] : digits.ToString(CultureInfo.InvariantCulture);

    /// <summary>ISPConfig keeps the FPM service as an init script name or path; the service is its last part.</summary>
    private static string? ServiceName(string? script) => string.IsNullOrWhiteSpace(script) ? null : Path.GetFileName(script.Trim());

    [GeneratedRegex(@"^/opt/alt/php(\d{2,3})(/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex AltPhp();

    [GeneratedRegex(@"^/opt/cpanel/ea-php(\d{2,3})(/|$)", RegexOptions.CultureInvariant)]
    private static partial Regex EaPhp();
}
