using System.CommandLine;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor db add|rename|delete DBUSER</c>: MySQL users, mirrored in the Governor map.</summary>
internal static class DbCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("DBUSER");
        var owner = new Option<string>("--owner") { Description = "The account owning the database user", Required = true };
        var add = new Command("add", "Record a MySQL user of an account.") { name, owner };
        add.SetAction(r => Lifecycle.Report(r, Lifecycle.Service().AddDbUser(r.GetValue(name)!, r.GetValue(owner)!)));

        var renameName = new Argument<string>("DBUSER");
        var newName = new Option<string>("--new-name") { Required = true };
        var rename = new Command("rename", "Rename a MySQL user.") { renameName, newName };
        rename.SetAction(r => Lifecycle.Report(r, Lifecycle.Service().RenameDbUser(r.GetValue(renameName)!, r.GetValue(newName)!)));

        return new Command("db", "MySQL users of accounts (the MySQL Governor map follows).")
        {
            add,
            rename,
            Lifecycle.Simple("delete", "Remove a MySQL user.", "DBUSER", (s, n) => s.DeleteDbUser(n)),
        };
    }
}
