using Cpvendor.IntegrationTests.Harness;
using Cpvendor.SourceTests.Panel;

namespace Cpvendor.SourceTests;

/// <summary>A sync delivers the derived hooks in order, each seeing the data CONTRACT.md section 5 promises.</summary>
public sealed class HookDeliveryTests
{
    [Theory]
    [InlineData(Dialect.MariaDb)]
    [InlineData(Dialect.Postgres)]
    public void Source_changes_run_the_hooks_in_order_each_seeing_the_right_data(Dialect dialect)
    {
        using var database = PanelDatabase.Create(dialect);
        using (var seed = TempInstall.Create(users: 12, seed: 9))
            PanelLoader.Load(database, PanelLoader.ReadStore(seed.Store));
        using var install = SyncedInstall.Create(database, users: 12, seed: 9);
        install.SyncChecked();
        var log = Path.Combine(install.Dir, "hooks.log");
        InstallRecordingHooks(install, log);

        string Login(int id)
        {
            using var c = database.Open();
            using var q = c.CreateCommand();
            q.CommandText = $"SELECT login FROM panel_accounts WHERE id = {id}";
            return (string)q.ExecuteScalar()!;
        }

        var renamed = Login(2);
        var deleted = Login(4);
        database.Execute("INSERT INTO panel_accounts (id, login, uid, owner_login, plan_id, email, lang, home_dir, server_id) VALUES (900, 'newbie', 29000, 'admin', NULL, NULL, 'EN_us', '/home/newbie', NULL)");
        database.Execute("INSERT INTO panel_sites (id, account_id, fqdn, docroot, is_primary, php_code, php_handler) VALUES (900, 900, 'newbie.example', '/home/newbie/public_html', TRUE, NULL, NULL)");
        database.Execute("UPDATE panel_accounts SET login = 'renamed1' WHERE id = 2");
        database.Execute("UPDATE panel_sites SET fqdn = 'renamed-site.example' WHERE id = 1");
        database.Execute("DELETE FROM panel_db_logins WHERE account_id = 4");
        database.Execute("DELETE FROM panel_sites WHERE account_id = 4");
        database.Execute("DELETE FROM panel_accounts WHERE id = 4");
        install.SyncChecked();

        var lines = File.ReadAllLines(log);
        Assert.Equal(
            [
                $"pre_modify_user.py delete --username {deleted} | ok 1",
                $"post_modify_user.py modify -u {renamed} --new-username renamed1 | ok 1",
                "post_modify_domain.py modify -u " + lines[2].Split(' ')[3] + " --domain " + lines[2].Split(' ')[5] + " --new-domain renamed-site.example | ok 1",
                "post_modify_user.py create --username newbie --owner admin | ok 1",
                $"post_modify_user.py delete --username {deleted} | NotFound 0",
            ],
            lines);
        // A sync without changes runs no hook.
        install.SyncChecked();
        Assert.Equal(lines, File.ReadAllLines(log));
    }

    /// <summary>Each hook records its arguments and what <c>users</c> says about the account it names at that moment.</summary>
    private static void InstallRecordingHooks(TempInstall install, string log)
    {
        var dir = install.Config.HooksDir;
        Directory.CreateDirectory(dir);
        foreach (var name in new[] { "pre_modify_user.py", "post_modify_user.py", "post_modify_domain.py", "post_modify_package.py" })
        {
            var path = Path.Combine(dir, name);
            File.WriteAllText(path,
                $$"""
                #!/bin/bash
                user=""
                while [ $# -gt 0 ]; do case "$1" in --username|--new-username) user="$2";; -u) [ -z "$user" ] && user="$2";; esac; all+=("$1"); shift; done
                answer=$({{install.Binary}} cpapi users --username "$user")
                result=$(printf '%s' "$answer" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["metadata"]["result"], len(d["data"] or []))')
                echo "{{name}} ${all[*]} | $result" >> {{log}}

                """);
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        }
    }
}
