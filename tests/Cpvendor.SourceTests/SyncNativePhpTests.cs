using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests;

/// <summary>
/// A sync brings PHP Selector's native.conf in line with the panel database's native PHP
/// (docs/install.md), and leaves it alone while that does not change; a new home alone reaches
/// CloudLinux as a modify with the account's own name (docs/lifecycle.md, user rehome).
/// </summary>
public sealed class SyncNativePhpTests
{
    [Fact]
    public void A_sync_rewrites_native_conf_when_the_native_php_changes_and_announces_a_new_home()
    {
        using var database = HookDeliveryTests.Seeded(Dialect.MariaDb);
        using var install = SyncedInstall.Create(database, users: 12, seed: 9);
        install.SyncChecked();
        var hooks = new RecordingHooks(install);
        var conf = Path.Combine(install.Root, "etc/cl.selector/native.conf");
        Assert.Contains("php-cli=/opt/cpanel/ea-php82/root/usr/bin/php\n", File.ReadAllText(conf));

        var past = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(conf, past);
        install.SyncChecked();
        Assert.Equal(past, File.GetLastWriteTimeUtc(conf));

        database.Execute("UPDATE panel_php SET native = FALSE");
        database.Execute("UPDATE panel_php SET native = TRUE WHERE code = 'alt-php74'");
        var login = database.Text("SELECT login FROM panel_accounts WHERE id = 1")!;
        // A home moves with the document roots inside it (they must lie in the owner's home).
        database.Execute("UPDATE panel_sites SET docroot = REPLACE(docroot, (SELECT home_dir FROM panel_accounts WHERE id = 1), '/home2/moved') WHERE account_id = 1");
        database.Execute("UPDATE panel_accounts SET home_dir = '/home2/moved' WHERE id = 1");
        install.SyncChecked();

        Assert.Equal("php=/opt/alt/php74/usr/bin/php-cgi\nphp-cli=/opt/alt/php74/usr/bin/php\nphp.ini=/opt/alt/php74/etc/php.ini\n", File.ReadAllText(conf));
        Assert.Equal([$"post_modify_user.py modify -u {login} --new-username {login}"], hooks.Lines());
    }

    [Fact]
    public void A_sync_that_leaves_no_native_php_removes_native_conf()
    {
        using var database = HookDeliveryTests.Seeded(Dialect.MariaDb);
        using var install = SyncedInstall.Create(database, users: 12, seed: 9);
        install.SyncChecked();
        var conf = Path.Combine(install.Root, "etc/cl.selector/native.conf");
        Assert.True(File.Exists(conf));

        database.Execute("UPDATE panel_php SET native = FALSE");
        install.SyncChecked();

        Assert.False(File.Exists(conf), "native.conf still names a PHP the panel no longer marks native");
    }
}
