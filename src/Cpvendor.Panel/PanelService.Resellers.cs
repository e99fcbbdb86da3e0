using Cpvendor.Core;
using Cpvendor.Panel.Validation;
using Cpvendor.Store.Identity;
using Cpvendor.Store.Model;

namespace Cpvendor.Panel;

public sealed partial class PanelService
{
    /// <summary>Creates a reseller (docs/contract.md section 3: unique, never an admin's name, id in MAX_UID..0xFFFFFFFF).</summary>
    public ChangeResult AddReseller(NewReseller reseller)
    {
        ArgumentNullException.ThrowIfNull(reseller);
        var name = Names.Login(reseller.Name, "reseller name");
        var email = Names.Email(reseller.Email);
        var locale = Names.Locale(reseller.Locale);
        if (reseller.Id is { } id)
        {
            var maxUid = LoginDefs.UidMax(config.LoginDefs);
            if (id < maxUid || id > 0xFFFFFFFFL)
                throw CpvendorException.Invalid($"reseller id {id} is outside {maxUid}..4294967295 (MAX_UID is UID_MAX of {config.LoginDefs})");
        }

        return Change(c =>
        {
            if (c.Writer.ResellerExists(name))
                throw CpvendorException.Invalid($"reseller '{name}' already exists");
            if (c.Writer.AdminExists(name))
                throw CpvendorException.Invalid($"'{name}' is an administrator; a reseller cannot have an administrator's name");
            if (reseller.Id is { } rid && c.Writer.ResellerWithId(rid) is { } other)
                throw CpvendorException.Invalid($"reseller id {rid} already belongs to '{other}'");
            var unixUid = ResellerUnixUid(name);
            EnsureNameFree(c, new NameClaim(name, NameRole.ResellerName, name, unixUid));
            WithStaffHooks(c, unixUid, () =>
            {
                c.Writer.Insert(new ResellerRow(name, reseller.Id, email, locale));
                IdentityQueries.SetUnixUid(c.Writer, NameRole.ResellerName, name, unixUid);
            });
            return $"created reseller {name}" + (reseller.Id is { } shown ? $" (id {shown})" : "");
        });
    }

    /// <summary>Removes a reseller that owns no users and no packages.</summary>
    public ChangeResult DeleteReseller(string name)
    {
        name = Names.Login(name, "reseller name");
        return Change(c =>
        {
            if (!c.Writer.ResellerExists(name))
                throw CpvendorException.Invalid($"no reseller '{name}'");
            EnsureOwnsNothing(c, name, "reseller");
            var unixUid = c.Writer.ResellerUnixUid(name);
            WithStaffHooks(c, unixUid, () => c.Writer.DeleteReseller(name));
            return $"deleted reseller {name}";
        });
    }
}
