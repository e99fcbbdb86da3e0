using Cpvendor.Core;
using Cpvendor.Panel.Validation;
using Cpvendor.Store.Model;

namespace Cpvendor.Panel;

public sealed partial class PanelService
{
    /// <summary>Records a MySQL user of an account; the Governor map is rewritten (docs/contract.md section 7).</summary>
    public ChangeResult AddDbUser(string dbUser, string owner)
    {
        dbUser = Names.DbUser(dbUser);
        return Change(c =>
        {
            Uid(c, owner);
            if (c.Writer.DbUserOwner(dbUser) is { } holder)
                throw CpvendorException.Invalid($"database user '{dbUser}' already exists (owned by '{holder}')");
            c.Writer.Insert(new DbUserRow(dbUser, owner));
            c.Affect(PanelEffect.GovernorDbUser(dbUser));
            return $"added database user {dbUser} to {owner}";
        });
    }

    public ChangeResult RenameDbUser(string dbUser, string newName)
    {
        newName = Names.DbUser(newName);
        return Change(c =>
        {
            EnsureDbUser(c, dbUser);
            if (c.Writer.DbUserExists(newName))
                throw CpvendorException.Invalid($"database user '{newName}' already exists");
            c.Writer.RenameDbUser(dbUser, newName);
            c.Affect(PanelEffect.GovernorDbUser(dbUser));
            c.Affect(PanelEffect.GovernorDbUser(newName));
            return $"renamed database user {dbUser} to {newName}";
        });
    }

    public ChangeResult DeleteDbUser(string dbUser) => Change(c =>
    {
        EnsureDbUser(c, dbUser);
        c.Writer.DeleteDbUser(dbUser);
        c.Affect(PanelEffect.GovernorDbUser(dbUser));
        return $"deleted database user {dbUser}";
    });

    /// <summary>The Governor map as the store says it should be (docs/contract.md section 7), without writing it.</summary>
    public string RenderGovernorMap()
    {
        using var store = Changes.StoreConnection.Open(config);
        return Governor.GovernorMapWriter.Render(store);
    }

    /// <summary>Rewrites the Governor map from the store (to repair a hand-edited map).</summary>
    public void RewriteGovernorMap()
    {
        using var store = Changes.StoreConnection.Open(config);
        Governor.GovernorMapWriter.Write(config, store);
    }

    private static void EnsureDbUser(Changes.ChangeContext c, string dbUser)
    {
        if (!c.Writer.DbUserExists(dbUser))
            throw CpvendorException.Invalid($"no database user '{Names.Show(dbUser)}'");
    }
}
