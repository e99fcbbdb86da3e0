using Cpvendor.Core;

namespace Cpvendor.Panel.Validation;

/// <summary>
/// The uids a panel may record (docs/contract.md section 3, docs/lifecycle.md "What a panel may
/// record"): an account's uid lies in UID_MIN..UID_MAX-1 of the host's login.defs (1000..59999 by
/// default), so it is never root, never a system account, never 4294967295 (which chown and setuid
/// read as -1), and never inside the resellers' range MAX_UID..4294967295, whose ids become LVE ids.
/// </summary>
internal static class AccountIds
{
    public static bool IsValid(long uid, long minUid, long maxUid) => uid >= minUid && uid < maxUid && uid is > 0 and < uint.MaxValue;

    public static uint Check(long uid, string loginDefs)
    {
        var min = LoginDefs.UidMin(loginDefs);
        var max = LoginDefs.UidMax(loginDefs);
        if (!IsValid(uid, min, max))
            throw CpvendorException.Invalid($"uid {uid} is outside {min}..{max - 1}: an account needs a regular uid (UID_MIN..UID_MAX-1 of {loginDefs}; from UID_MAX on, ids belong to resellers)");
        return (uint)uid;
    }
}
