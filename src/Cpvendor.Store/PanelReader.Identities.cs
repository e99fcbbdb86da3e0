using Cpvendor.Store.Identity;

namespace Cpvendor.Store;

public sealed partial class PanelReader
{
    private static string IdentitySelect(string admins, string resellers, string users) =>
        $"""
        SELECT 'admin', name, identity_id, unix_uid, locale_code, unix_user FROM admins WHERE {admins}
        UNION ALL
        SELECT 'reseller', r.name, r.identity_id,
               COALESCE(r.reseller_id, r.unix_uid, (SELECT u.uid FROM users u WHERE u.username = r.name)),
               r.locale_code, NULL
        FROM resellers r WHERE {resellers}
        UNION ALL
        SELECT 'user', username, identity_id, uid, locale_code, NULL FROM users WHERE {users}
        """;

    /// <summary>The roles a panel login name has (administrator, reseller, account): usually one.</summary>
    public IReadOnlyList<PanelIdentity> IdentitiesNamed(string name) => StoreFailure.Guard(() => IdentitiesNamedUnguarded(name), connection);

    private List<PanelIdentity> IdentitiesNamedUnguarded(string name) =>
        ReadIdentities(IdentitySelect("name = $v", "r.name = $v", "username = $v"), ("$v", name));

    /// <summary>The entity of one type with one stable id, or null when it no longer exists.</summary>
    public PanelIdentity? IdentityById(string type, string identityId) => StoreFailure.Guard(() => IdentityByIdUnguarded(type, identityId), connection);

    private PanelIdentity? IdentityByIdUnguarded(string type, string identityId)
    {
        static string Where(bool wanted, string column) => (wanted ? "" : "0 AND ") + column + " = $v";
        return ReadIdentities(
            IdentitySelect(Where(type == "admin", "identity_id"), Where(type == "reseller", "r.identity_id"), Where(type == "user", "identity_id")),
            ("$v", identityId)).FirstOrDefault();
    }

    private List<PanelIdentity> ReadIdentities(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var found = new List<PanelIdentity>();
        while (reader.Read())
        {
            found.Add(new PanelIdentity(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3),
                NullableString(reader, 4),
                NullableString(reader, 5)));
        }

        return found;
    }
}
