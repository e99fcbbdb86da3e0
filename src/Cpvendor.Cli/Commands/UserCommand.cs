using System.CommandLine;
using Cpvendor.Panel;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor user add|rename|move|restore|delete</c>: hosting accounts and their hooks.</summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME");
        var owner = new Option<string>("--owner") { Description = "Administrator or reseller owning the account", Required = true };
        var domain = new Option<string>("--domain") { Description = "The account's main domain", Required = true };
        var uid = new Option<uint?>("--uid") { Description = "UNIX id (default: the uid of the UNIX account NAME)" };
        var package = new Option<string>("--package") { Description = "A package of the owner" };
        var home = new Option<string>("--home") { Description = "Home directory (default /home/NAME)" };
        var email = new Option<string>("--email");
        var locale = new Option<string>("--locale") { Description = "Locale code, e.g. EN_us" };
        var add = new Command("add", "Record an account the panel has built (hook post_modify_user.py create).") { name, owner, domain, uid, package, home, email, locale };
        add.SetAction(r => Lifecycle.Report(r, Lifecycle.Service().AddUser(new NewUser(
            r.GetValue(name)!, r.GetValue(owner)!, r.GetValue(domain)!, r.GetValue(uid), r.GetValue(package),
            r.GetValue(home), r.GetValue(email), r.GetValue(locale)))));

        var renameName = new Argument<string>("NAME");
        var newUsername = new Option<string>("--new-username") { Required = true };
        var rename = new Command("rename", "Rename an account (hook post_modify_user.py modify --new-username).") { renameName, newUsername };
        rename.SetAction(r => Lifecycle.Report(r, Lifecycle.Service().RenameUser(r.GetValue(renameName)!, r.GetValue(newUsername)!)));

        var moveName = new Argument<string>("NAME");
        var newOwner = new Option<string>("--new-owner") { Required = true };
        var move = new Command("move", "Give an account to another owner (hook post_modify_user.py modify --new-owner).") { moveName, newOwner };
        move.SetAction(r => Lifecycle.Report(r, Lifecycle.Service().MoveUser(r.GetValue(moveName)!, r.GetValue(newOwner)!)));

        return new Command("user", "Hosting accounts.")
        {
            add,
            rename,
            move,
            Lifecycle.Simple("restore", "Report an account restored from backup (hook post_modify_user.py restore).", "NAME", (s, n) => s.RestoreUser(n)),
            Lifecycle.Simple("delete", "Remove an account, its domains and databases (pre and post delete hooks).", "NAME", (s, n) => s.DeleteUser(n)),
        };
    }
}
