using System.Text.Json;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests.Security;

/// <summary>
/// An administrator whose UNIX account comes from a panel database is listed by users like one added
/// by a command (docs/contract.md section 3, decision), so its name is visibly taken, and a sync
/// tells CloudLinux when that row comes and goes.
/// </summary>
public sealed class SyncedStaffInUsersTests
{
    [Fact]
    public void A_synced_administrators_unix_account_is_listed_and_announced()
    {
        Assert.SkipUnless(UnixUsers.CanCreate, "needs root to create UNIX users");
        using var unix = new UnixUsers();
        var boss = unix.Create("cpvboss");
        using var database = HookDeliveryTests.Seeded(Dialect.MariaDb);
        using var install = SyncedInstall.Create(database, users: 12, seed: 9);
        install.SyncChecked();
        var hooks = new RecordingHooks(install);

        database.Execute($"INSERT INTO panel_staff (id, login, system_user, email, lang, is_owner) VALUES (900, 'chief', '{boss.Name}', NULL, 'EN_us', FALSE)");
        install.SyncChecked();
        Assert.Contains($"post_modify_user.py create --username {boss.Name} --owner chief", hooks.Lines());
        var row = JsonDocument.Parse(install.Cpapi("users", "--username", boss.Name).Stdout).RootElement.GetProperty("data").EnumerateArray().Single();
        Assert.Equal(boss.Uid, row.GetProperty("id").GetUInt32());
        Assert.Equal("chief", row.GetProperty("owner").GetString());

        database.Execute("DELETE FROM panel_staff WHERE id = 900");
        install.SyncChecked();
        Assert.Equal($"post_modify_user.py delete --username {boss.Name}", hooks.Lines()[^1]);
    }
}
