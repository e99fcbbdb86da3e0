namespace Cpvendor.Store;

/// <summary>The accounts a lifecycle change reads and changes.</summary>
public sealed partial class PanelWriter
{
    /// <summary>The uid of account <paramref name="username"/>, or null when there is no such account.</summary>
    public uint? UserUid(string username) =>
        Scalar("SELECT uid FROM users WHERE username = $u", ("$u", username)) is long uid ? (uint)uid : null;

    public bool UserExists(string username) => Exists("SELECT 1 FROM users WHERE username = $u", ("$u", username));

    /// <summary>Some account that has <paramref name="uid"/>, or null.</summary>
    public string? UserWithUid(uint uid) => Scalar("SELECT username FROM users WHERE uid = $id LIMIT 1", ("$id", (long)uid)) as string;

    public bool UserBelongsTo(string username, string owner) =>
        Exists("SELECT 1 FROM users WHERE username = $u AND owner = $o", ("$u", username), ("$o", owner));

    /// <summary>Renames an account; its domains and database users follow (ON UPDATE CASCADE), and a home named after it moves with it.</summary>
    public void RenameUser(string username, string newName) =>
        Execute("UPDATE users SET username = $new, home = CASE WHEN home = '/home/' || $old THEN '/home/' || $new ELSE home END WHERE username = $old",
            ("$new", newName), ("$old", username));

    public void MoveUser(string username, string newOwner) =>
        Execute("UPDATE users SET owner = $o WHERE username = $u", ("$o", newOwner), ("$u", username));

    /// <summary>Removes an account with its domains and database users; returns how many database users went.</summary>
    public int DeleteUser(string username)
    {
        var databases = Execute("DELETE FROM db_users WHERE owner = $u", ("$u", username));
        Execute("DELETE FROM domains WHERE owner = $u", ("$u", username));
        Execute("DELETE FROM users WHERE username = $u", ("$u", username));
        return databases;
    }
}
