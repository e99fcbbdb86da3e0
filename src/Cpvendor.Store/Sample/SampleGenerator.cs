using System.Globalization;
using Cpvendor.Contract;
using Cpvendor.Core;
using Cpvendor.Store.Model;

namespace Cpvendor.Store.Sample;

/// <summary>
/// Fills a store with a realistic panel: two administrators, resellers (one per 50 accounts, each also
/// a UNIX account) with ids above MAX_UID, packages per owner, accounts with 1-5 domains including
/// subdomains, databases and several PHP versions. The same seed gives the same panel.
/// </summary>
public sealed class SampleGenerator
{
    /// <summary>Sample UNIX ids start here, above any system account.</summary>
    public const uint FirstUid = 20000;

    /// <summary>Sample reseller ids start here, above the usual MAX_UID of 60000.</summary>
    public const long FirstResellerId = 1_000_000;

    private static readonly string[] Syllables =
    [
        "ka", "lo", "mi", "ra", "to", "ne", "su", "vi", "do", "pe", "la", "zen", "mar", "tin", "bel", "cor",
        "fin", "gal", "hol", "jun", "kel", "lum", "nor", "pin", "quo", "ros", "sal", "tar", "ul", "ver",
    ];

    private static readonly string[] Tlds = ["com", "net", "org", "io", "de", "co.uk", "shop"];
    private static readonly string[] SubdomainNames = ["blog", "shop", "dev", "mail", "app", "docs"];
    private static readonly string[] Locales = ["EN_us", "EN_us", "EN_us", "DE_de", "FR_fr", "ES_es", "RU_ru"];
    private static readonly string[] PackageNames = ["Starter", "Business", "Pro", "Unlimited"];
    private static readonly string[] Handlers = ["fpm", "fpm", "lsapi", "cgi"];

    /// <summary>How many colliding random names are drawn before a counted one is taken.</summary>
    private const int DrawsBeforeCounting = 8;

    private readonly Random random;
    private int countedNames;
    private readonly HashSet<string> usedNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> usedDomains = new(StringComparer.Ordinal);

    public SampleGenerator(int seed) => random = new Random(seed);

    public static IReadOnlyList<PhpVersionRow> PhpVersions { get; } =
    [
        Php("alt-php74", "7.4"), Php("alt-php80", "8.0"), Php("alt-php81", "8.1"),
        Php("alt-php82", "8.2"), Php("alt-php83", "8.3"),
        new("ea-php82", "8.2", "/opt/cpanel/ea-php82/root/usr/lib64/php/modules", "/opt/cpanel/ea-php82/root",
            "/opt/cpanel/ea-php82/root/usr/bin/php", "/opt/cpanel/ea-php82/root/etc/php.ini",
            "/opt/cpanel/ea-php82/root/etc/php.d", true, "ea-php82-php-fpm"),
    ];

    private static PhpVersionRow Php(string identifier, string version)
    {
        var dir = $"/opt/alt/{identifier.Replace("alt-", "", StringComparison.Ordinal)}";
        return new PhpVersionRow(identifier, version, $"{dir}/usr/lib64/php/modules", dir, $"{dir}/usr/bin/php",
            $"{dir}/etc/php.ini", $"{dir}/link/conf", false, $"{identifier}-fpm");
    }

    /// <summary>Writes a panel of <paramref name="users"/> accounts through <paramref name="writer"/>.</summary>
    public void Fill(PanelWriter writer, int users)
    {
        writer.SetPanel("cpvendor sample panel", "1.0.0", "https://{domain}:2083/login", "alt-php82", "fpm", allowDuplicateUids: false);
        foreach (var feature in Grammar.ClFeatures)
            writer.SetFeature(feature, feature is not ("wizard" or "autotracing"));
        foreach (var php in PhpVersions)
            writer.Insert(php);

        writer.Insert(new AdminRow("admin", null, "admin@panel.example", "EN_us", IsMain: true));
        writer.Insert(new AdminRow("support", null, "support@panel.example", "EN_us", IsMain: false));
        usedNames.Add("admin");
        usedNames.Add("support");
        var owners = new List<string> { "admin", "admin", "support" };
        foreach (var admin in new[] { "admin", "support" })
            AddPackages(writer, admin);

        var resellerCount = users / 50;
        var nextUid = FirstUid;
        using var progress = TerminalProgress.Current.Start("sample accounts", users);
        for (var i = 0; i < resellerCount; i++)
        {
            progress.Advance();
            var name = UniqueName();
            writer.Insert(new ResellerRow(name, FirstResellerId + i, $"{name}@reseller.example", Pick(Locales)));
            AddPackages(writer, name);
            // The reseller's own hosting account. It has no UNIX account in a sample, so it cannot be
            // the same identity as the reseller and takes a name of its own (docs/contract.md section 3);
            // sample names end in a digit, so this one is never another's.
            AddAccount(writer, name + "w", nextUid++, "admin", ownerPackage: null);
            owners.Add(name);
        }

        for (var i = resellerCount; i < users; i++)
        {
            progress.Advance();
            var owner = Pick(owners);
            AddAccount(writer, UniqueName(), nextUid++, owner, owner);
        }
    }

    private void AddPackages(PanelWriter writer, string owner)
    {
        var count = 2 + random.Next(3);
        for (var i = 0; i < count; i++)
            writer.Insert(new PackageRow(owner, PackageNames[i]));
    }

    private void AddAccount(PanelWriter writer, string username, uint uid, string owner, string? ownerPackage)
    {
        var home = $"/home/{username}";
        var packageName = ownerPackage is not null && random.Next(10) > 0 ? PackageNames[random.Next(2)] : null;
        writer.Insert(new UserRow(
            username, uid, owner, packageName is null ? null : ownerPackage, packageName,
            random.Next(5) == 0 ? null : $"{username}@mail.example", Pick(Locales), home));

        var main = UniqueDomain(username);
        writer.Insert(new DomainRow(main, username, $"{home}/public_html", IsMain: true, PickPhp(), PickHandler()));
        var extra = random.Next(5);
        for (var i = 0; i < extra; i++)
        {
            if (random.Next(2) == 0)
            {
                var sub = $"{SubdomainNames[i % SubdomainNames.Length]}.{main}";
                if (usedDomains.Add(sub))
                    writer.Insert(new DomainRow(sub, username, $"{home}/public_html/{sub.Split('.')[0]}", false, PickPhp(), PickHandler()));
            }
            else
            {
                var addon = UniqueDomain(username);
                writer.Insert(new DomainRow(addon, username, $"{home}/{addon}", false, PickPhp(), PickHandler()));
            }
        }

        var databases = random.Next(4);
        for (var i = 1; i <= databases; i++)
            writer.Insert(new DbUserRow($"{username}_db{i}", username));
    }

    private string? PickPhp() => random.Next(3) == 0 ? null : PhpVersions[random.Next(PhpVersions.Count)].Identifier;

    private string? PickHandler() => random.Next(3) == 0 ? null : Pick(Handlers);

    private string UniqueName()
    {
        // Two syllables and a number below 100 give about 90,000 names: the first tries keep the
        // panels of every size that fits there as they always were, and once a few draws in a row
        // collide, a number from 100 up (counted, so never drawn twice) ends the search. Either way a
        // name costs a bounded number of draws, so any size takes linear time.
        for (var attempt = 0; attempt < DrawsBeforeCounting; attempt++)
        {
            var name = Pick(Syllables) + Pick(Syllables) + random.Next(100).ToString(CultureInfo.InvariantCulture);
            if (usedNames.Add(name))
                return name;
        }

        var counted = Pick(Syllables) + Pick(Syllables) + (100 + countedNames++).ToString(CultureInfo.InvariantCulture);
        usedNames.Add(counted);
        return counted;
    }

    private string UniqueDomain(string username)
    {
        while (true)
        {
            var domain = $"{username}{Pick(Syllables)}.{Pick(Tlds)}";
            if (usedDomains.Add(domain))
                return domain;
        }
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
