using Cpvendor.Contract;

namespace Cpvendor.Store;

public sealed partial class PanelReader
{
    public IEnumerable<PackageInfo> Packages(string? owner = null) => StoreFailure.Each(PackagesUnguarded(owner), connection);

    private IEnumerable<PackageInfo> PackagesUnguarded(string? owner)
    {
        using var command = owner is null
            ? Command("SELECT name, owner FROM packages ORDER BY owner, name")
            : Command("SELECT name, owner FROM packages WHERE owner = $v ORDER BY owner, name", ("$v", owner));
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return new PackageInfo(reader.GetString(0), reader.GetString(1));
    }

    public IEnumerable<ResellerInfo> Resellers(uint? id = null, string? name = null) => StoreFailure.Each(ResellersUnguarded(id, name), connection);

    private IEnumerable<ResellerInfo> ResellersUnguarded(uint? id, string? name)
    {
        const string select = "SELECT name, locale_code, email, reseller_id FROM resellers";
        using var command = (id, name) switch
        {
            ({ } i, _) => Command(select + " WHERE reseller_id = $v ORDER BY name", ("$v", (long)i)),
            (_, { } n) => Command(select + " WHERE name = $v ORDER BY name", ("$v", n)),
            _ => Command(select + " ORDER BY name"),
        };
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new ResellerInfo(
                reader.GetString(0),
                NullableString(reader, 1),
                NullableString(reader, 2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3));
        }
    }

    public IEnumerable<AdminInfo> Admins(string? name = null, bool? isMain = null) => StoreFailure.Each(AdminsUnguarded(name, isMain), connection);

    private IEnumerable<AdminInfo> AdminsUnguarded(string? name, bool? isMain)
    {
        const string select = "SELECT name, unix_user, locale_code, email, is_main FROM admins";
        using var command = (name, isMain) switch
        {
            ({ } n, _) => Command(select + " WHERE name = $v ORDER BY name", ("$v", n)),
            (_, { } m) => Command(select + " WHERE is_main = $v ORDER BY name", ("$v", m ? 1 : 0)),
            _ => Command(select + " ORDER BY name"),
        };
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new AdminInfo(
                reader.GetString(0),
                NullableString(reader, 1),
                NullableString(reader, 2),
                NullableString(reader, 3),
                reader.GetInt64(4) != 0);
        }
    }

    public IEnumerable<PhpInfo> Php() => StoreFailure.Each(PhpUnguarded(), connection);

    private IEnumerable<PhpInfo> PhpUnguarded()
    {
        using var command = Command("SELECT identifier, version, modules_dir, dir, bin, ini FROM php_versions ORDER BY identifier");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new PhpInfo(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.GetString(3), reader.GetString(4), reader.GetString(5));
        }
    }

    /// <summary>db_info's mapping: UNIX user name to its database users, both in ordinal order.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> DbMapping() => StoreFailure.Guard(() => DbMappingUnguarded(), connection);

    /// <summary>The part of <see cref="DbMapping"/> of <paramref name="owners"/>: an owner without database users is not in it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> DbMappingOf(IReadOnlyCollection<string> owners) =>
        StoreFailure.Guard(() => DbMappingUnguarded(owners), connection);

    private Dictionary<string, IReadOnlyList<string>> DbMappingUnguarded(IReadOnlyCollection<string>? owners = null)
    {
        var mapping = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        using var command = owners is null
            ? Command("SELECT owner, db_user FROM db_users ORDER BY owner, db_user")
            : Command("SELECT owner, db_user FROM db_users WHERE owner IN (SELECT value FROM json_each($owners)) ORDER BY owner, db_user",
                ("$owners", System.Text.Json.JsonSerializer.Serialize(owners.ToArray(), StoreJsonContext.Default.StringArray)));
        using var reader = command.ExecuteReader();
        List<string>? current = null;
        string? currentOwner = null;
        while (reader.Read())
        {
            var owner = reader.GetString(0);
            if (owner != currentOwner)
            {
                current = [];
                mapping[owner] = current;
                currentOwner = owner;
            }

            current!.Add(reader.GetString(1));
        }

        return mapping;
    }
}
