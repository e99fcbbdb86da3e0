namespace Cpvendor.Store;

/// <summary>The MySQL users of accounts (the Governor map's lines) a lifecycle change reads and changes.</summary>
public sealed partial class PanelWriter
{
    /// <summary>The account owning <paramref name="dbUser"/>, or null when there is no such database user.</summary>
    public string? DbUserOwner(string dbUser) => Scalar("SELECT owner FROM db_users WHERE db_user = $d", ("$d", dbUser)) as string;

    public bool DbUserExists(string dbUser) => Exists("SELECT 1 FROM db_users WHERE db_user = $d", ("$d", dbUser));

    public bool HasDbUsers(string owner) => Exists("SELECT 1 FROM db_users WHERE owner = $u", ("$u", owner));

    public void RenameDbUser(string dbUser, string newName) =>
        Execute("UPDATE db_users SET db_user = $new WHERE db_user = $d", ("$new", newName), ("$d", dbUser));

    public void DeleteDbUser(string dbUser) => Execute("DELETE FROM db_users WHERE db_user = $d", ("$d", dbUser));
}
