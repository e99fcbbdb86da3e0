using System.Text.RegularExpressions;
using Cpvendor.Core;

namespace Cpvendor.Panel.Validation;

/// <summary>
/// The shapes of names and values the panel accepts, judged to their true end (<c>\z</c>: a .NET
/// <c>$</c> also matches before a final newline). Nothing may start with '-': every value ends up
/// as an argument of a CloudLinux hook, whose argparse parser would read it as an option. Names,
/// packages, e-mails, locales and paths are printable ASCII: no control, format (bidi) or
/// look-alike characters reach a hook argument, the Governor map or an answer file. The same
/// checks judge what a sync reads (docs/contract.md section 3).
/// </summary>
internal static partial class Names
{
    /// <summary>A UNIX account name, as useradd accepts it by default.</summary>
    public static string Account(string? value, string what = "user name") =>
        value is not null && AccountPattern().IsMatch(value)
            ? value
            : throw CpvendorException.Invalid($"invalid {what} '{Show(value)}': use 1-32 of a-z 0-9 _ . - starting with a letter or _");

    /// <summary>An administrator or reseller name (a panel login).</summary>
    public static string Login(string? value, string what) =>
        value is not null && LoginPattern().IsMatch(value)
            ? value
            : throw CpvendorException.Invalid($"invalid {what} '{Show(value)}': use 1-64 of A-Z a-z 0-9 _ . @ - starting with a letter, digit or _");

    /// <summary>A package name: 1-64 printable ASCII characters, spaces inside allowed.</summary>
    public static string Package(string? value) =>
        value is not null && PackagePattern().IsMatch(value)
            ? value
            : throw CpvendorException.Invalid($"invalid package name '{Show(value)}': use 1-64 printable ASCII characters, not starting with '-' or a space, not ending with a space");

    /// <summary>
    /// The longest name MySQL Governor's map parser keeps whole: it reads each field of
    /// <c>/etc/container/dbuser-map</c> into a 64-byte buffer and keeps 63 characters, so a longer
    /// name would be counted under its first 63 (docs/contract.md section 7).
    /// </summary>
    public const int GovernorFieldMax = 63;

    /// <summary>MySQL's and MariaDB's own accounts, never a customer's database user (docs/contract.md section 7).</summary>
    public static readonly IReadOnlySet<string> ServerAccounts = new HashSet<string>(StringComparer.Ordinal)
    {
        "root", "mysql.sys", "mysql.session", "mysql.infoschema", "mariadb.sys", "debian-sys-maint",
    };

    /// <summary>
    /// A MySQL user as Governor maps it: at most 63 characters (what its map parser keeps), no spaces
    /// (the map is space separated), and never one of the server's own accounts.
    /// </summary>
    public static string DbUser(string? value)
    {
        if (value is not null && value.Length > GovernorFieldMax)
            throw CpvendorException.Invalid($"database user '{Show(value)}' is {value.Length} characters long; MySQL Governor keeps at most {GovernorFieldMax}");
        if (value is not null && ServerAccounts.Contains(value))
            throw CpvendorException.Invalid($"database user '{value}' is one of the database server's own accounts, never a customer's");
        return value is not null && DbUserPattern().IsMatch(value)
            ? value
            : throw CpvendorException.Invalid($"invalid database user '{Show(value)}': use 1-{GovernorFieldMax} of A-Z a-z 0-9 _ $ . @ - not starting with '-'");
    }

    public static string? Email(string? value) =>
        value is null || (value.Length <= 254 && EmailPattern().IsMatch(value))
            ? value
            : throw CpvendorException.Invalid($"invalid e-mail address '{Show(value)}'");

    /// <summary>A locale code such as <c>EN_us</c> or <c>de</c>.</summary>
    public static string Locale(string? value) =>
        value is null ? "EN_us"
        : LocalePattern().IsMatch(value) ? value
        : throw CpvendorException.Invalid($"invalid locale '{Show(value)}': use a code like EN_us or de");

    /// <summary>An absolute path without a trailing slash, '.' or '..' parts, spaces or anything but printable ASCII.</summary>
    public static string AbsolutePath(string? value, string what)
    {
        if (value is null || value.Length < 2 || value[0] != '/' || value[^1] == '/' || value.Length > 4096
            || value.Any(c => c is < '!' or > '~') || value.Contains("//", StringComparison.Ordinal)
            || value.Split('/').Any(part => part is "." or ".."))
        {
            throw CpvendorException.Invalid($"invalid {what} '{Show(value)}': give an absolute path of printable ASCII without spaces, a trailing slash, '.' or '..'");
        }

        return value;
    }

    /// <summary>A value shortened and stripped of control characters, safe to print in a message.</summary>
    public static string Show(string? value)
    {
        if (value is null)
            return "";
        var clean = new string(value.Select(c => c is < ' ' or > '~' ? '?' : c).ToArray());
        return clean.Length <= 80 ? clean : clean[..80] + "...";
    }

    [GeneratedRegex(@"^[a-z_][a-z0-9_.-]{0,31}\z")]
    private static partial Regex AccountPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.@-]{0,63}\z")]
    private static partial Regex LoginPattern();

    [GeneratedRegex(@"^[!-,.-~](?:[ -~]{0,62}[!-~])?\z")]
    private static partial Regex PackagePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_$.@][A-Za-z0-9_$.@-]{0,62}\z")]
    private static partial Regex DbUserPattern();

    [GeneratedRegex(@"^[!-,.-?A-~][!-?A-~]*@[!-?A-~]+\z")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[A-Za-z]{2}(_[A-Za-z]{2})?\z")]
    private static partial Regex LocalePattern();
}
