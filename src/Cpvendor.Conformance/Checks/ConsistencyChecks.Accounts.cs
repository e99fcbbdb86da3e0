namespace Cpvendor.Conformance.Checks;

internal static partial class ConsistencyChecks
{
    /// <summary>
    /// docs/contract.md section 3 users: administrators (and resellers) with a UNIX account are
    /// listed by users under that account's name. The rule binds where the account exists: the
    /// checker may run on another host than the panel's (a copy of its data, a test machine), and
    /// an account this host lacks has no uid here, so a vendor that lists only the accounts its host
    /// has is right to leave it out. Such an account is a warning naming it, not a failure. An
    /// admins list that names no account has nothing to prove and passes saying so.
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
            // A name with a NUL is no account anywhere (getpwnam would read only the part before it).
            var host = account.Contains('\0', StringComparison.Ordinal) ? null : Core.Native.Libc.Account(account);

            // root (uid 0) is never listed by users (docs/contract.md section 3).
            if (account == "root" || host is { Uid: 0 })
                continue;
            var name = Json.Str(admin, "name");
            if (users.Contains(account))
                findings.Pass(detail: $"admin {name}: {account} is listed by users");
            else if (host is { } existing)
                findings.Fail($"admin {name} has the UNIX account \"{account}\" (uid {existing.Uid} on this host), which users does not list", b.Admins.Call);
            else
                findings.Warn($"admin {name} has the UNIX account \"{account}\", which users does not list and this host does not have: the checker cannot tell whether the panel's own host lists it (run the check there)", b.Admins.Call);
        }

        if (!findings.HasFailures)
            findings.Pass(detail: "every administrator's unix_user that exists on this host is a user");
        return findings;
    }
}
