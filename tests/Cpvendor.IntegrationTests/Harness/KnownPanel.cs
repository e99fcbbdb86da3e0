using Cpvendor.Store;
using Cpvendor.Store.Model;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>
/// A small hand-made panel whose every row is written here, so that tests derive the answers they
/// expect from their own data (see <see cref="Expected"/>), never from the implementation. It has the
/// awkward cases of docs/contract.md section 3 on purpose: nulls (admin without UNIX user or email, reseller
/// without id, user without package or email), one package name under two owners, two accounts
/// sharing a UNIX id, domains with and without their own PHP version and handler.
/// </summary>
public sealed class KnownPanel
{
    /// <summary>The panel's UNIX ids start at <paramref name="firstUid"/>: alice, bob (and dave, same id), carol, res1, the admin's account.</summary>
    public KnownPanel(uint firstUid = 61000)
    {
        AliceUid = firstUid;
        BobUid = firstUid + 1;
        CarolUid = firstUid + 2;
        ResellerUid = firstUid + 3;
        AdminUid = firstUid + 4;
        Users =
        [
            new("kpalice", AliceUid, "kpadmin", "kpadmin", "Pro", "alice@kp.example", "EN_us", "/home/kpalice"),
            new("kpbob", BobUid, "kpres1", "kpres1", "Pro", null, "EN_us", "/home/kpbob"),
            new("kpcarol", CarolUid, "kpres1", null, null, null, "DE_de", "/home/kpcarol"),
            new("kpdave", BobUid, "kpadmin", "kpadmin", "Basic", "dave@kp.example", "FR_fr", "/home/kpdave"),
            new("kpres1", ResellerUid, "kpadmin", null, null, "res1@kp.example", "EN_us", "/home/kpres1"),
            new("kpadminux", AdminUid, "kpadmin", null, null, "admin@kp.example", "EN_us", "/home/kpadminux"),
        ];
    }

    public uint AliceUid { get; }

    /// <summary>Shared by kpbob and kpdave: two panel accounts, one UNIX user.</summary>
    public uint BobUid { get; }

    public uint CarolUid { get; }

    public uint ResellerUid { get; }

    /// <summary>The UNIX account of the main administrator (listed as a user too, docs/contract.md section 3).</summary>
    public uint AdminUid { get; }

    public string PanelName => "Known Panel";

    public string PanelVersion => "2.5.1";

    public string LoginUrl => "https://{domain}:2083/login";

    public string DefaultPhp => "alt-php81";

    public string DefaultHandler => "fpm";

    public IReadOnlyList<(string Name, bool Enabled)> Features { get; } =
        [("cagefs", true), ("php_selector", true), ("xray", false)];

    public IReadOnlyList<AdminRow> Admins { get; } =
    [
        new("kpadmin", "kpadminux", "admin@kp.example", "EN_us", IsMain: true),
        new("kpsupport", null, null, "RU_ru", IsMain: false),
    ];

    public IReadOnlyList<ResellerRow> Resellers { get; } =
    [
        new("kpres1", 4_000_000_001, "res1@kp.example", "EN_us"),
        new("kpres2", null, null, "ES_es"),
    ];

    /// <summary>kpres2 and kpsupport own no package; "Pro" exists under two owners.</summary>
    public IReadOnlyList<PackageRow> Packages { get; } =
    [
        new("kpadmin", "Basic"), new("kpadmin", "Pro"), new("kpres1", "Pro"),
    ];

    public IReadOnlyList<UserRow> Users { get; }

    public IReadOnlyList<PhpVersionRow> PhpVersions { get; } =
    [
        new("alt-php74", "7.4", "/opt/alt/php74/usr/lib64/php/modules", "/opt/alt/php74", "/opt/alt/php74/usr/bin/php",
            "/opt/alt/php74/etc/php.ini", "/opt/alt/php74/link/conf", false, "alt-php74-fpm"),
        new("alt-php81", "8.1", "/opt/alt/php81/usr/lib64/php/modules", "/opt/alt/php81", "/opt/alt/php81/usr/bin/php",
            "/opt/alt/php81/etc/php.ini", "/opt/alt/php81/link/conf", null, null),
        new("ea-php82", "8.2", "/opt/cpanel/ea-php82/root/usr/lib64/php/modules", "/opt/cpanel/ea-php82/root",
            "/opt/cpanel/ea-php82/root/usr/bin/php", "/opt/cpanel/ea-php82/root/etc/php.ini",
            "/opt/cpanel/ea-php82/root/etc/php.d", true, "ea-php82-php-fpm"),
    ];

    /// <summary>Every domain, with the PHP version and handler it names itself (null: the panel default).</summary>
    public IReadOnlyList<DomainRow> Domains { get; } =
    [
        new("kpalice.com", "kpalice", "/home/kpalice/public_html", true, "alt-php74", "fpm"),
        new("blog.kpalice.com", "kpalice", "/home/kpalice/public_html/blog", false, "ea-php82", "lsapi"),
        new("kpalice-shop.net", "kpalice", "/home/kpalice/kpalice-shop.net", false, null, null),
        new("kpbob.org", "kpbob", "/home/kpbob/public_html", true, null, "fpm"),
        new("kpcarol.io", "kpcarol", "/home/kpcarol/public_html", true, "alt-php74", "cgi"),
        new("kpdave.net", "kpdave", "/home/kpdave/public_html", true, "ea-php82", null),
        new("kpres1.host", "kpres1", "/home/kpres1/public_html", true, "alt-php81", "lsapi"),
        new("kpadminux.panel", "kpadminux", "/home/kpadminux/public_html", true, null, "cgi"),
    ];

    public IReadOnlyList<DbUserRow> DbUsers { get; } =
    [
        new("kpalice_wp", "kpalice"), new("kpalice_db1", "kpalice"), new("kpbob_db", "kpbob"),
    ];

    /// <summary>The db_info credential; the password is unique per panel so a scan can look for it.</summary>
    public DbCredential Credential { get; } =
        new("kp_stats", "pw-" + Guid.NewGuid().ToString("N"), "127.0.0.1", 3307);

    /// <summary>Writes this panel into a new store at <paramref name="path"/> (and the credential beside it, if asked).</summary>
    public void WriteStore(string path, bool withSecret = true)
    {
        using (var connection = PanelStore.Create(path))
        using (var writer = new PanelWriter(connection))
        {
            writer.SetPanel(PanelName, PanelVersion, LoginUrl, DefaultPhp, DefaultHandler, allowDuplicateUids: true);
            foreach (var (name, enabled) in Features)
                writer.SetFeature(name, enabled);
            foreach (var php in PhpVersions)
                writer.Insert(php);
            foreach (var admin in Admins)
                writer.Insert(admin);
            foreach (var reseller in Resellers)
                writer.Insert(reseller);
            foreach (var package in Packages)
                writer.Insert(package);
            foreach (var user in Users)
                writer.Insert(user);
            foreach (var domain in Domains)
                writer.Insert(domain);
            foreach (var db in DbUsers)
                writer.Insert(db);
            writer.Commit();
        }

        if (withSecret)
            Credential.Write(Core.InstallConfig.StoreSecretPath(path));
    }

    /// <summary>A store with the panel row only: no account, admin, package or PHP version.</summary>
    public static void WriteEmptyStore(string path)
    {
        using var connection = PanelStore.Create(path);
        using var writer = new PanelWriter(connection);
        writer.SetPanel("Empty Panel", "0.1", null, null, "fpm", allowDuplicateUids: false);
        writer.Commit();
    }

    public IEnumerable<UserRow> AccountsOf(uint uid) => Users.Where(u => u.Uid == uid);

    public IEnumerable<DomainRow> DomainsOfUid(uint uid)
    {
        var names = AccountsOf(uid).Select(u => u.Username).ToHashSet();
        return Domains.Where(d => names.Contains(d.Owner));
    }
}
