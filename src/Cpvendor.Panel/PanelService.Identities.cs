using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Panel.Changes;
using Cpvendor.Panel.Validation;
using Cpvendor.Store.Identity;

namespace Cpvendor.Panel;

public sealed partial class PanelService
{
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
    /// The uid of a reseller's own UNIX account: the host's account of the reseller's name, when it
    /// has a regular uid. A reseller without one holds its name alone.
    /// </summary>
    private long? ResellerUnixUid(string name) =>
        Libc.Account(name) is { } account && AccountIds.IsValid(account.Uid, LoginDefs.MinUid(config.LoginDefs), LoginDefs.MaxUid(config.LoginDefs))
            ? account.Uid
            : null;
}
