using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Panel.Changes;
using Cpvendor.Panel.Validation;
using Cpvendor.Store.Identity;

namespace Cpvendor.Panel;

public sealed partial class PanelService
{
    /// <summary>
    /// Sets the server's host name: the users domain of an administrator or reseller listed with its
    /// UNIX account when it hosts no domain (docs/contract.md section 3). Unset, the machine's name.
    /// </summary>
    public ChangeResult SetHostName(string hostName)
    {
        var host = DomainNames.Normalize(hostName);
        return Change(c =>
        {
            c.Writer.SetHostName(host);
            c.Affect(PanelEffect.AllUsers);
            return $"set the host name to {host}";
        });
    }

    /// <summary>
    /// Refuses a name another identity already holds in any role (docs/contract.md section 3): read
    /// in the change's own transaction, so no other writer can take the name in between.
    /// </summary>
    private static void EnsureNameFree(ChangeContext c, NameClaim claim)
    {
        if (NameRules.FirstConflict(claim, IdentityQueries.ClaimsOf(c.Writer, claim.Name)) is { } why)
            throw CpvendorException.Invalid(why);
    }

    /// <summary>
    /// Runs <paramref name="change"/> and tells CloudLinux how what users lists for
    /// <paramref name="uid"/> on behalf of an administrator or reseller changed (docs/lifecycle.md
    /// "Administrators and resellers in users"): <c>post_modify_user.py delete</c> for a row that
    /// went, <c>create</c> for one that came; the uid's answers are republished. A row replaced by an
    /// account of the same name (<paramref name="continuing"/>) is not deleted: that account goes on.
    /// </summary>
    private static void WithStaffHooks(ChangeContext c, long? uid, Action change, string? continuing = null)
    {
        if (uid is not > 0)
        {
            change();
            return;
        }

        var before = IdentityQueries.ListedStaff(c.Writer, uid.Value);
        change();
        var after = IdentityQueries.ListedStaff(c.Writer, uid.Value);
        // An account taking over its administrator's listed row of the same name goes on: no delete.
        foreach (var gone in before.Where(b => !after.Contains(b) && b.Username != continuing))
            c.Emit(HookEvent.UserDeleted(gone.Username, (uint)uid.Value));
        foreach (var came in after.Where(a => !before.Contains(a)))
            c.Emit(HookEvent.UserCreated(came.Username, came.Owner, (uint)uid.Value));
        if (!before.SequenceEqual(after))
            c.Affect(PanelEffect.User((uint)uid.Value));
    }

    /// <summary>
    /// The uid of a reseller's own UNIX account: the host's account of the reseller's name, when it
    /// has a regular uid. A reseller without one holds its name alone.
    /// </summary>
    private long? ResellerUnixUid(string name) =>
        Libc.Account(name) is { } account && AccountIds.IsValid(account.Uid, LoginDefs.UidMin(config.LoginDefs), LoginDefs.UidMax(config.LoginDefs))
            ? account.Uid
            : null;
}
