using Cpvendor.Contract;

namespace Cpvendor.Store;

/// <summary>One filter of the users script; at most one field is set.</summary>
public sealed record UserFilter(string? Owner = null, PackageRef? Package = null, string? Username = null, uint? Uid = null);

public sealed partial class PanelReader
{
    // Accounts and the administrators and resellers listed with them (PanelReader.Staff.cs).
    private string UserSelect(bool withDomain = true) =>
        "SELECT u.uid, u.username, u.owner, u.domain, u.package_name, u.package_owner, u.email, u.locale_code FROM " + ListedUsers(withDomain);

    public IEnumerable<UserInfo> Users(UserFilter filter) => StoreFailure.Each(UsersUnguarded(filter), connection);

    private IEnumerable<UserInfo> UsersUnguarded(UserFilter filter)
    {
        var (where, parameters) = filter switch
        {
            { Owner: { } owner } => (" WHERE u.owner = $v", new[] { ("$v", (object)owner) }),
            { Package: { } package } => (" WHERE u.package_owner = $o AND u.package_name = $n", [("$o", package.Owner), ("$n", package.Name)]),
            { Username: { } username } => (" WHERE u.username = $v", [("$v", username)]),
            { Uid: { } uid } => (" WHERE u.uid = $v", [("$v", (object)(long)uid)]),
            _ => ("", Array.Empty<(string, object)>()),
        };
        using var command = Command(UserSelect() + where + " ORDER BY u.username", parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var package = reader.IsDBNull(4) || reader.IsDBNull(5)
                ? null
                : new PackageRef(reader.GetString(4), reader.GetString(5));
            yield return new UserInfo(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                NullableString(reader, 3),
                package,
                NullableString(reader, 6),
                NullableString(reader, 7));
        }
    }

    /// <summary>
    /// The same rows as <see cref="Users"/> as a cursor over UTF-8 columns: 0 uid, 1 username,
    /// 2 owner, 3 main domain, 4 package name, 5 package owner, 6 email, 7 locale code. Without
    /// <paramref name="withDomain"/> column 3 is NULL and the domains table is not read at all.
    /// </summary>
    public RowCursor UserRows(UserFilter filter, bool withDomain = true) => StoreFailure.Guard(() => UserRowsUnguarded(filter, withDomain), connection);

    private RowCursor UserRowsUnguarded(UserFilter filter, bool withDomain)
    {
        var (where, parameter) = filter switch
        {
            { Owner: { } owner } => (" WHERE u.owner = ?1", owner),
            { Package: { } package } => (" WHERE u.package_owner = ?1 AND u.package_name = ?2", (object)package.Owner),
            { Username: { } username } => (" WHERE u.username = ?1", username),
            { Uid: { } uid } => (" WHERE u.uid = ?1", (long)uid),
            _ => ("", null),
        };
        var select = UserSelect(withDomain);
        ReadOnlySpan<object> parameters = filter.Package is { } p ? [p.Owner, p.Name] : parameter is null ? [] : [parameter];
        return new RowCursor(connection, select + where + " ORDER BY u.username", parameters);
    }

    /// <summary>The names listed in users under one UNIX id (usually one).</summary>
    public IReadOnlyList<string> UsernamesOf(uint uid) => StoreFailure.Guard(() => UsernamesOfUnguarded(uid), connection);

    private List<string> UsernamesOfUnguarded(uint uid)
    {
        var names = new List<string>();
        using var command = Command("SELECT u.username FROM " + ListedUsers(withDomain: false) + " WHERE u.uid = $v ORDER BY u.username", ("$v", (long)uid));
        using var reader = command.ExecuteReader();
        while (reader.Read())
            names.Add(reader.GetString(0));
        return names;
    }
}
