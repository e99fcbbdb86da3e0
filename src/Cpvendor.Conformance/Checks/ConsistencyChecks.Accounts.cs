namespace Cpvendor.Conformance.Checks;

internal static partial class ConsistencyChecks
{
    /// <summary>
    /// docs/contract.md section 3 users: administrators (and resellers) with a UNIX account are
    /// listed by users under that account's name. An admins list that names no account has nothing
    /// to prove and passes saying so.
    /// </summary>
    private static Findings AdminAccounts(CheckContext context)
    {
        var b = context.Baseline;
        if (Unusable(b.Admins, b.Users) is { } why)
            return Findings.Skipped(why);
        var users = b.Usernames.ToHashSet(StringComparer.Ordinal);
        var findings = new Findings();
        foreach (var admin in b.Admins.Items)
        {
            if (Json.Str(admin, "unix_user") is not { } account)
                continue;
            // root (uid 0) is never listed by users (docs/contract.md section 3).
            if (account == "root" || Core.Native.Libc.Account(account) is { Uid: 0 })
                continue;
            if (!users.Contains(account))
                findings.Fail($"admin {Json.Str(admin, "name")} has the UNIX account \"{account}\", which users does not list", b.Admins.Call);
            else
                findings.Pass(detail: $"admin {Json.Str(admin, "name")}: {account} is listed by users");
        }

        if (!findings.HasFailures)
            findings.Pass(detail: "every administrator's unix_user is a user");
        return findings;
    }
}
