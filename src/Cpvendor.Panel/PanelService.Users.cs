using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Panel.Changes;
using Cpvendor.Panel.Validation;
using Cpvendor.Store.Identity;
using Cpvendor.Store.Model;

namespace Cpvendor.Panel;

public sealed partial class PanelService
{
    // How many homes one service checks against the host's UNIX accounts one by one before it reads
    // them all once and keeps them (a batch of thousands of changes).
    private const int HomeChecksBeforeKeeping = 16;

    private List<(string Name, uint Uid, string Home)>? unixHomes;
    private int homeChecks;

    /// <summary>
    /// Records an account the panel has completely built, with its main domain; hook
    /// <c>post_modify_user.py create</c>. The UNIX account is not created here.
    /// </summary>
    public ChangeResult AddUser(NewUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = Names.Account(user.Name);
        var domain = DomainNames.Normalize(user.Domain);
        var email = Names.Email(user.Email);
        var locale = Names.Locale(user.Locale);
        var home = PanelPaths.Home(user.Home ?? "/home/" + name);
        var unix = Libc.Account(name);
        var uid = user.Uid ?? unix?.Uid
            ?? throw CpvendorException.Invalid($"no UNIX account '{name}' exists to take the uid from: create it first or give --uid");
        if (uid == 0)
            throw CpvendorException.Invalid("uid 0 is root's; an account needs its own uid");
        AccountIds.Check(uid, config.LoginDefs);
        if (unix is { } existing && existing.Uid != uid)
            throw CpvendorException.Invalid($"the UNIX account '{name}' has uid {existing.Uid}, not {uid}: an account's uid is its UNIX account's");
        if (user.Package is not null)
            Names.Package(user.Package);

        return Change(c =>
        {
            EnsureOwner(c, user.Owner);
            if (c.Writer.UserExists(name))
                throw CpvendorException.Invalid($"user '{name}' already exists");
            EnsureNameFree(c, new NameClaim(name, NameRole.Username, name, uid));
            EnsureHomeFree(c, home, uid, except: null);
            if (!config.AllowDuplicateUids && c.Writer.UserWithUid(uid) is { } holder)
                throw CpvendorException.Invalid($"uid {uid} already belongs to '{holder}' (this install does not allow duplicate uids)");
            if (user.Package is not null && !c.Writer.PackageExists(user.Owner, user.Package))
                throw CpvendorException.Invalid($"no package '{user.Package}' of '{user.Owner}'");
            EnsureDomainFree(c, domain);
            WithStaffHooks(c, uid, () =>
            {
                c.Writer.Insert(new UserRow(name, uid, user.Owner, user.Package is null ? null : user.Owner, user.Package, email, locale, home));
                c.Writer.Insert(new DomainRow(domain, name, home + "/public_html", IsMain: true, null, null));
            }, continuing: name);
            c.Affect(PanelEffect.User(uid));
            c.Emit(HookEvent.UserCreated(name, user.Owner, uid));
            return $"created user {name} (uid {uid}) with domain {domain}";
        });
    }

    /// <summary>Renames an account; its domains and databases follow. Hook <c>post_modify_user.py modify --new-username</c>.</summary>
    public ChangeResult RenameUser(string name, string newName)
    {
        newName = Names.Account(newName, "new user name");
        return Change(c =>
        {
            var uid = Uid(c, name);
            if (c.Writer.UserExists(newName))
                throw CpvendorException.Invalid($"user '{newName}' already exists");
            EnsureNameFree(c, new NameClaim(newName, NameRole.Username, newName, uid));
            if (c.Writer.HomeIsNamedAfter(name))
                EnsureHomeFree(c, "/home/" + newName, uid, except: name);
            c.Writer.RenameUser(name, newName);
            c.Affect(PanelEffect.User(uid));
            if (c.Writer.HasDbUsers(newName))
            {
                c.Affect(PanelEffect.GovernorAccount(name));
                c.Affect(PanelEffect.GovernorAccount(newName));
            }
            c.Emit(HookEvent.UserRenamed(name, newName, uid));
            return $"renamed user {name} to {newName}";
        });
    }

    /// <summary>Gives an account to another administrator or reseller. Hook <c>post_modify_user.py modify --new-owner</c>.</summary>
    public ChangeResult MoveUser(string name, string newOwner) => Change(c =>
    {
        var uid = Uid(c, name);
        EnsureOwner(c, newOwner);
        if (c.Writer.UserBelongsTo(name, newOwner))
            throw CpvendorException.Invalid($"user '{name}' already belongs to '{newOwner}'");
        c.Writer.MoveUser(name, newOwner);
        c.Affect(PanelEffect.User(uid));
        c.Emit(HookEvent.UserMoved(name, newOwner, uid));
        return $"moved user {name} to {newOwner}";
    });

    /// <summary>Tells CloudLinux an account's home directory was restored from a backup. Hook <c>post_modify_user.py restore</c>.</summary>
    public ChangeResult RestoreUser(string name) => Change(c =>
    {
        var uid = Uid(c, name);
        c.Affect(PanelEffect.User(uid));
        c.Emit(HookEvent.UserRestored(name, uid));
        return $"restored user {name}";
    });

    /// <summary>
    /// Removes an account with its domains and databases. <c>pre_modify_user.py delete</c> runs before
    /// anything is removed (seeing the account as it was), <c>post_modify_user.py delete</c> after.
    /// </summary>
    public ChangeResult DeleteUser(string name) => Change(
        c =>
        {
            var uid = Uid(c, name);
            c.RunPreHook(HookEvent.UserDeleting(name, uid));
            var databases = 0;
            WithStaffHooks(c, uid, () =>
            {
                databases = c.Writer.DeleteUser(name);
                c.Emit(HookEvent.UserDeleted(name, uid));
            });
            c.Affect(PanelEffect.User(uid));
            if (databases > 0)
                c.Affect(PanelEffect.GovernorAccount(name));
            return $"deleted user {name}" + (databases > 0 ? $" and its {databases} database user(s)" : "");
        },
        withPreHooks: true);

    private void EnsureHomeFree(ChangeContext c, string home, long uid, string? except)
    {
        if (IdentityQueries.HomeHolder(c.Writer, home, uid, except) is { } holder)
            throw CpvendorException.Invalid($"home '{home}' is, contains or lies inside the home of account '{holder}'");
        // One change asks about one home: only the accounts whose homes are near it are read into
        // memory. A run of many changes in one process reads every account once and keeps them.
        var accounts = unixHomes ?? (++homeChecks > HomeChecksBeforeKeeping
            ? unixHomes = Libc.AllAccounts().Select(a => (a.Name, a.Uid, a.Home)).ToList()
            : Libc.AccountsWithHomeNear(home));
        if (PanelPaths.UnixHomeProblem(home, uid, LoginDefs.UidMin(config.LoginDefs), accounts) is { } problem)
            throw CpvendorException.Invalid(problem);
    }

    private static uint Uid(ChangeContext c, string name) =>
        c.Writer.UserUid(name) ?? throw CpvendorException.Invalid($"no user '{Names.Show(name)}'");
}
