namespace Cpvendor.Store;

/// <summary>
/// The store operations behind names, homes and identities (docs/contract.md section 3): the uids
/// of administrators' and resellers' own UNIX accounts, homes, and the server's host name.
/// </summary>
public sealed partial class PanelWriter
{
    /// <summary>The uid of the administrator's own UNIX account as recorded, or null.</summary>
    public long? AdminUnixUid(string name) => Scalar("SELECT unix_uid FROM admins WHERE name = $n", ("$n", name)) as long?;

    /// <summary>The uid of the reseller's own UNIX account as recorded, or null.</summary>
    public long? ResellerUnixUid(string name) => Scalar("SELECT unix_uid FROM resellers WHERE name = $n", ("$n", name)) as long?;

    /// <summary>Whether the account's home is <c>/home/NAME</c>, the one a rename moves with it.</summary>
    public bool HomeIsNamedAfter(string username) =>
        Exists("SELECT 1 FROM users WHERE username = $u AND home = '/home/' || $u", ("$u", username));

    /// <summary>Whether the account lives in <paramref name="home"/> already.</summary>
    public bool UserHasHome(string username, string home) =>
        Exists("SELECT 1 FROM users WHERE username = $u AND home = $h", ("$u", username), ("$h", home));

    public void SetUserHome(string username, string home) =>
        Execute("UPDATE users SET home = $h WHERE username = $u", ("$h", home), ("$u", username));

    /// <summary>The users domain of an administrator or reseller listed with a UNIX account that hosts none.</summary>
    public void SetHostName(string hostName) => Execute("UPDATE panel SET host_name = $h WHERE id = 1", ("$h", hostName));
}
