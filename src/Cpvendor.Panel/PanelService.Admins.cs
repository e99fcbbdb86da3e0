using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Panel.Changes;
using Cpvendor.Panel.Validation;
using Cpvendor.Store.Identity;
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
        long? unixUid = null;
        if (unixUser is not null)
        {
            var account = Libc.Account(unixUser)
                ?? throw CpvendorException.Invalid($"no UNIX account '{unixUser}': create the administrator's UNIX user first");
            // root, or a regular account: never a system account, never -1 (docs/lifecycle.md).
            if (account.Uid != 0)
                AccountIds.Check(account.Uid, config.LoginDefs);
            unixUid = account.Uid;
        }

        return Change(c =>
        {
            if (c.Writer.AdminExists(name))
                throw CpvendorException.Invalid($"administrator '{name}' already exists");
            if (c.Writer.ResellerExists(name))
                throw CpvendorException.Invalid($"'{name}' is a reseller; administrators and resellers need different names");
            EnsureNameFree(c, new NameClaim(name, NameRole.AdminName, name, unixUid));
            if (unixUser is not null)
                EnsureNameFree(c, new NameClaim(unixUser, NameRole.AdminUnixUser, name, unixUid));
            var main = admin.IsMain || !c.Writer.AnyAdmin();
            if (main)
                c.Writer.SetMainAdmin(null);
            WithStaffHooks(c, unixUid, () =>
            {
                c.Writer.Insert(new AdminRow(name, unixUser, email, locale, main));
                IdentityQueries.SetUnixUid(c.Writer, NameRole.AdminName, name, unixUid);
                c.Emit(HookEvent.AdminCreated(name, c.Config.AdminHookFlag));
            });
            if (unixUser is not null)
                UnixGroups.Join(c.Config, unixUser);
            return $"created administrator {name}" + (main ? " (main)" : "");
        });
    }

    /// <summary>Removes an administrator that owns nothing; hook <c>post_modify_admin.py delete</c>.</summary>
    public ChangeResult DeleteAdmin(string name)
    {
        name = Names.Login(name, "administrator name");
        return Change(c =>
        {
            var (isMain, unixUser) = c.Writer.FindAdmin(name)
                ?? throw CpvendorException.Invalid($"no administrator '{name}'");
            EnsureOwnsNothing(c, name, "administrator");
            var unixUid = c.Writer.AdminUnixUid(name);
            WithStaffHooks(c, unixUid, () => c.Writer.DeleteAdmin(name));
            var promoted = "";
            if (isMain && c.Writer.FirstAdminName() is { } next)
            {
                // Exactly one administrator is the main one (docs/contract.md section 3).
                c.Writer.SetMainAdmin(next);
                promoted = $"; {next} is now the main administrator";
            }

            if (unixUser is not null && !c.Writer.AdminUsesUnixUser(unixUser))
                UnixGroups.Leave(c.Config, unixUser);
            c.Emit(HookEvent.AdminDeleted(name, c.Config.AdminHookFlag));
            return $"deleted administrator {name}{promoted}";
        });
    }

    private static void EnsureOwnsNothing(ChangeContext c, string owner, string what)
    {
        var (users, packages) = c.Writer.Owned(owner);
        if (users > 0 || packages > 0)
            throw CpvendorException.Invalid($"{what} '{owner}' still owns {users} user(s) and {packages} package(s): move or delete them first");
    }
}
