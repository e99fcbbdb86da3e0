using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Panel.Changes;
using Cpvendor.Panel.Validation;
using Cpvendor.Store.Model;

namespace Cpvendor.Panel;

public sealed partial class PanelService
{
    /// <summary>Creates an administrator; hook <c>post_modify_admin.py create</c>. The first admin is the main one.</summary>
    public ChangeResult AddAdmin(NewAdmin admin)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var name = Names.Login(admin.Name, "administrator name");
        var unixUser = admin.UnixUser is null ? null : Names.Account(admin.UnixUser, "UNIX user name");
        var email = Names.Email(admin.Email);
        var locale = Names.Locale(admin.Locale);
        if (unixUser is not null && Libc.Account(unixUser) is null)
            throw CpvendorException.Invalid($"no UNIX account '{unixUser}': create the administrator's UNIX user first");

        return Change(c =>
        {
            if (c.Exists("SELECT 1 FROM admins WHERE name = $n", ("$n", name)))
                throw CpvendorException.Invalid($"administrator '{name}' already exists");
            if (c.Exists("SELECT 1 FROM resellers WHERE name = $n", ("$n", name)))
                throw CpvendorException.Invalid($"'{name}' is a reseller; administrators and resellers need different names");
            var main = admin.IsMain || !c.Exists("SELECT 1 FROM admins");
            if (main)
                c.Execute("UPDATE admins SET is_main = 0 WHERE is_main = 1");
            c.Writer.Insert(new AdminRow(name, unixUser, email, locale, main));
            if (unixUser is not null)
                UnixGroups.Join(c.Config, unixUser);
            c.Emit(HookEvent.AdminCreated(name, c.Config.AdminHookFlag));
            return $"created administrator {name}" + (main ? " (main)" : "");
        });
    }

    /// <summary>Removes an administrator that owns nothing; hook <c>post_modify_admin.py delete</c>.</summary>
    public ChangeResult DeleteAdmin(string name)
    {
        name = Names.Login(name, "administrator name");
        return Change(c =>
        {
            var row = c.Scalar("SELECT is_main FROM admins WHERE name = $n", ("$n", name))
                ?? throw CpvendorException.Invalid($"no administrator '{name}'");
            EnsureOwnsNothing(c, name, "administrator");
            var unixUser = c.Scalar("SELECT unix_user FROM admins WHERE name = $n", ("$n", name)) as string;
            c.Execute("DELETE FROM admins WHERE name = $n", ("$n", name));
            var promoted = "";
            if ((long)row == 1 && c.Scalar("SELECT name FROM admins ORDER BY name LIMIT 1") is string next)
            {
                // Exactly one administrator is the main one (docs/contract.md section 3).
                c.Execute("UPDATE admins SET is_main = 1 WHERE name = $n", ("$n", next));
                promoted = $"; {next} is now the main administrator";
            }

            if (unixUser is not null && !c.Exists("SELECT 1 FROM admins WHERE unix_user = $u", ("$u", unixUser)))
                UnixGroups.Leave(c.Config, unixUser);
            c.Emit(HookEvent.AdminDeleted(name, c.Config.AdminHookFlag));
            return $"deleted administrator {name}{promoted}";
        });
    }

    private static void EnsureOwnsNothing(ChangeContext c, string owner, string what)
    {
        var users = c.Count("SELECT count(*) FROM users WHERE owner = $o", ("$o", owner));
        var packages = c.Count("SELECT count(*) FROM packages WHERE owner = $o", ("$o", owner));
        if (users > 0 || packages > 0)
            throw CpvendorException.Invalid($"{what} '{owner}' still owns {users} user(s) and {packages} package(s): move or delete them first");
    }
}
