using Cpvendor.Core;
using Cpvendor.Panel.Changes;
using Cpvendor.Panel.Validation;
using Cpvendor.Store.Model;

namespace Cpvendor.Panel;

public sealed partial class PanelService
{
    /// <summary>Creates a package of an administrator or reseller.</summary>
    public ChangeResult AddPackage(string owner, string name)
    {
        name = Names.Package(name);
        return Change(c =>
        {
            EnsureOwner(c, owner);
            if (c.Writer.PackageExists(owner, name))
                throw CpvendorException.Invalid($"package '{name}' of '{owner}' already exists");
            c.Writer.Insert(new PackageRow(owner, name));
            return $"created package {name} of {owner}";
        });
    }

    /// <summary>Renames a package; its users follow. Hook <c>post_modify_package.py rename</c>.</summary>
    public ChangeResult RenamePackage(string owner, string name, string newName)
    {
        newName = Names.Package(newName);
        return Change(c =>
        {
            EnsurePackage(c, owner, name);
            if (c.Writer.PackageExists(owner, newName))
                throw CpvendorException.Invalid($"package '{newName}' of '{owner}' already exists");
            c.Writer.RenamePackage(owner, name, newName);
            c.Emit(HookEvent.PackageRenamed(owner, name, newName));
            return $"renamed package {name} of {owner} to {newName}";
        });
    }

    /// <summary>Removes a package no user is assigned to.</summary>
    public ChangeResult DeletePackage(string owner, string name) => Change(c =>
    {
        EnsurePackage(c, owner, name);
        var users = c.Writer.UsersOfPackage(owner, name);
        if (users > 0)
            throw CpvendorException.Invalid($"package '{name}' of '{owner}' is still assigned to {users} user(s)");
        c.Writer.DeletePackage(owner, name);
        return $"deleted package {name} of {owner}";
    });

    private static void EnsureOwner(ChangeContext c, string owner)
    {
        if (!c.Writer.OwnerExists(owner))
            throw CpvendorException.Invalid($"unknown owner '{Names.Show(owner)}': no administrator or reseller of that name");
    }

    private static void EnsurePackage(ChangeContext c, string owner, string name)
    {
        EnsureOwner(c, owner);
        if (!c.Writer.PackageExists(owner, name))
            throw CpvendorException.Invalid($"no package '{Names.Show(name)}' of '{owner}'");
    }
}
