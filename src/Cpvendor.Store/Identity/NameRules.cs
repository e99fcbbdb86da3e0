namespace Cpvendor.Store.Identity;

/// <summary>
/// The name rules of docs/contract.md section 3, shared by the lifecycle commands and the checks of
/// a sync. Administrators' and resellers' names are unique and never equal each other. Any other two
/// claims of one name (an account's username, an administrator's UNIX user, and those against an
/// administrator's or reseller's name) are allowed only when both stand for the same UNIX identity:
/// both uids known and equal. One identity may hold two roles; two identities never share a name.
/// </summary>
public static class NameRules
{
    /// <summary>Why two claims of the same name cannot both exist, or null when they can.</summary>
    public static string? Conflict(NameClaim a, NameClaim b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!string.Equals(a.Name, b.Name, StringComparison.Ordinal))
            return null;
        if (SameEntity(a, b))
            return null;
        if (a.IsOwnerName && b.IsOwnerName)
            return $"'{a.Name}' is the name of {b.Describe()}; administrators' and resellers' names are unique and never equal each other";
        if (a.Uid is { } ua && b.Uid is { } ub && ua == ub)
            return null;
        return $"'{a.Name}' is already the name of {b.Describe()}, another identity (two identities never share a name; only the same UNIX account, by uid, may hold two roles)";
    }

    /// <summary>The first conflict of <paramref name="claim"/> with any of <paramref name="existing"/>, or null.</summary>
    public static string? FirstConflict(NameClaim claim, IEnumerable<NameClaim> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        foreach (var other in existing)
        {
            if (Conflict(claim, other) is { } why)
                return why;
        }

        return null;
    }

    private static bool SameEntity(NameClaim a, NameClaim b)
    {
        static string Kind(NameRole role) => role switch
        {
            NameRole.AdminName or NameRole.AdminUnixUser => "admin",
            NameRole.ResellerName => "reseller",
            _ => "user",
        };

        return Kind(a.Role) == Kind(b.Role) && string.Equals(a.Holder, b.Holder, StringComparison.Ordinal);
    }
}
