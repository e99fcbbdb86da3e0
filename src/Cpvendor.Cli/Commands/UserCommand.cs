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

        var restoreName = new Argument<string>("NAME");
        var resetSelector = new Option<bool>("--reset-selector") { Description = "First recreate the account's PHP Selector settings (cagefsctl --getprefix, remove its cl.selector and cl.php.d, cagefsctl --force-update-etc)" };
        var restoreDry = new Option<bool>("--dry-run") { Description = "Print what would be done and change nothing" };
        var restore = new Command("restore", "Report an account restored from backup (hook post_modify_user.py restore), once its files are back.") { restoreName, resetSelector, restoreDry };
        restore.SetAction(r => RestoreCommand.Run(r, r.GetValue(restoreName)!, r.GetValue(resetSelector), r.GetValue(restoreDry)));

        var rehomeName = new Argument<string>("NAME");
        var newHome = new Option<string>("--home") { Description = "The account's new home directory", Required = true };
        var rehome = new Command("rehome", "Record a new home directory for an account (hook post_modify_user.py modify --new-username with its own name).") { rehomeName, newHome };
        rehome.SetAction(r => Lifecycle.Report(r, Lifecycle.Service().RehomeUser(r.GetValue(rehomeName)!, r.GetValue(newHome)!)));

        return new Command("user", "Hosting accounts.")
        {
            add,
            rename,
            move,
            restore,
            rehome,
            Lifecycle.Simple("delete", "Remove an account, its domains and databases (pre and post delete hooks).", "NAME", (s, n) => s.DeleteUser(n)),
        };
    }
}
