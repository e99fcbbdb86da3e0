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
            if (c.Exists("SELECT 1 FROM packages WHERE owner = $o AND name = $n", ("$o", owner), ("$n", name)))
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
            if (c.Exists("SELECT 1 FROM packages WHERE owner = $o AND name = $n", ("$o", owner), ("$n", newName)))
                throw CpvendorException.Invalid($"package '{newName}' of '{owner}' already exists");
            // users.package_* follow through ON UPDATE CASCADE.
            c.Execute("UPDATE packages SET name = $new WHERE owner = $o AND name = $n", ("$new", newName), ("$o", owner), ("$n", name));
            c.Emit(HookEvent.PackageRenamed(owner, name, newName));
            return $"renamed package {name} of {owner} to {newName}";
        });
    }

    /// <summary>Removes a package no user is assigned to.</summary>
    public ChangeResult DeletePackage(string owner, string name) => Change(c =>
    {
        EnsurePackage(c, owner, name);
        var users = c.Count("SELECT count(*) FROM users WHERE package_owner = $o AND package_name = $n", ("$o", owner), ("$n", name));
        if (users > 0)
            throw CpvendorException.Invalid($"package '{name}' of '{owner}' is still assigned to {users} user(s)");
        c.Execute("DELETE FROM packages WHERE owner = $o AND name = $n", ("$o", owner), ("$n", name));
        return $"deleted package {name} of {owner}";
    });

    private static void EnsureOwner(ChangeContext c, string owner)
    {
        if (!c.Exists("SELECT 1 FROM admins WHERE name = $o UNION ALL SELECT 1 FROM resellers WHERE name = $o", ("$o", owner)))
            throw CpvendorException.Invalid($"unknown owner '{Names.Show(owner)}': no administrator or reseller of that name");
    }

    private static void EnsurePackage(ChangeContext c, string owner, string name)
    {
        EnsureOwner(c, owner);
        if (!c.Exists("SELECT 1 FROM packages WHERE owner = $o AND name = $n", ("$o", owner), ("$n", name)))
            throw CpvendorException.Invalid($"no package '{Names.Show(name)}' of '{owner}'");
    }
}
