using Cpvendor.Sources.Php;
using Cpvendor.Store.Model;

namespace Cpvendor.Sources.IspConfig;

/// <summary>
/// ISPConfig's additional PHP versions (<c>server_php</c>) as the contract's PHP versions. A row
/// says where the php-cgi binary and the ini directories are, not where the modules are; a row is
/// mapped when its paths lie in a layout whose other parts follow from them (<see cref="PhpLayouts"/>:
/// alt-php, ea-php, Remi, the distribution's PHP X.Y, docs/panels/php.md). Any other row is reported
/// as unmapped and its websites use the panel's default PHP version.
/// </summary>
internal static class IspConfigPhp
{
    public sealed record Row(long Id, string? Name, string? FastcgiBinary, string? FastcgiIniDir, string? FpmInitScript, string? FpmIniDir, string? FpmPoolDir);

    /// <summary>The contract's PHP version of a row, from the layout its paths lie in, or null with the reason it cannot be mapped.</summary>
    public static (PhpVersionRow? Php, string? Problem) Map(Row row)
    {
        var fpm = !string.IsNullOrWhiteSpace(row.FpmInitScript) || !string.IsNullOrWhiteSpace(row.FpmIniDir);
        foreach (var path in new[] { row.FastcgiBinary, row.FpmIniDir, row.FastcgiIniDir, row.FpmInitScript })
        {
            if (path is not null && PhpLayouts.FromPath(path.Trim(), fpm, ServiceName(row.FpmInitScript)) is { } php)
                return (php, null);
        }

        return (null, $"server_php {row.Id} '{row.Name}': not a build of a known layout (alt-php, ea-php, Remi, the distribution's PHP X.Y), so its modules directory is unknown; its websites use the default PHP version");
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

    /// <summary>ISPConfig keeps the FPM service as an init script name or path; the service is its last part.</summary>
    private static string? ServiceName(string? script) => string.IsNullOrWhiteSpace(script) ? null : Path.GetFileName(script.Trim());
}
