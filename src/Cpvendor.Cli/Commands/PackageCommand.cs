using System.CommandLine;

namespace Cpvendor.Cli.Commands;

/// <summary><c>cpvendor package add|rename|delete NAME --owner O [--new-name NEW]</c>.</summary>
internal static class PackageCommand
{
    public static Command Create()
    {
        var group = new Command("package", "Hosting packages (identified by name and owner).");

        var addName = new Argument<string>("NAME");
        var addOwner = Owner();
        var add = new Command("add", "Create a package of an administrator or reseller.") { addName, addOwner };
        add.SetAction(r => Lifecycle.Report(r, Lifecycle.Service().AddPackage(r.GetValue(addOwner)!, r.GetValue(addName)!)));
        group.Subcommands.Add(add);

        var renameName = new Argument<string>("NAME");
        var renameOwner = Owner();
        var newName = new Option<string>("--new-name") { Required = true };
        var rename = new Command("rename", "Rename a package (hook post_modify_package.py rename).") { renameName, renameOwner, newName };
        rename.SetAction(r => Lifecycle.Report(r, Lifecycle.Service().RenamePackage(r.GetValue(renameOwner)!, r.GetValue(renameName)!, r.GetValue(newName)!)));
        group.Subcommands.Add(rename);

        var deleteName = new Argument<string>("NAME");
        var deleteOwner = Owner();
        var delete = new Command("delete", "Remove a package no user is assigned to.") { deleteName, deleteOwner };
        delete.SetAction(r => Lifecycle.Report(r, Lifecycle.Service().DeletePackage(r.GetValue(deleteOwner)!, r.GetValue(deleteName)!)));
        group.Subcommands.Add(delete);
        return group;
    }

    private static Option<string> Owner() => new("--owner") { Description = "The administrator or reseller owning the package", Required = true };
}
