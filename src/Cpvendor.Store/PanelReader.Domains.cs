using Cpvendor.Contract;

namespace Cpvendor.Store;

public sealed partial class PanelReader
{
    // A domain without its own PHP version or handler uses the panel's defaults.
    private const string DomainSelect =
        """
        SELECT d.name, d.owner, d.document_root, d.is_main,
               p.identifier, p.version, p.ini_scan_dir, p.is_native, p.fpm_service,
               COALESCE(d.handler, s.default_handler)
        FROM domains d
        CROSS JOIN panel s
        LEFT JOIN php_versions p ON p.identifier = COALESCE(d.php_version_id, s.default_php)
        """;

    /// <summary>Domains of one owner, one domain by name, or all; ordered by name.</summary>
    public IEnumerable<KeyValuePair<string, DomainInfoWithPhp>> Domains(string? owner = null, string? name = null, IReadOnlyCollection<string>? owners = null) => StoreFailure.Each(DomainsUnguarded(owner, name, owners), connection);

    private IEnumerable<KeyValuePair<string, DomainInfoWithPhp>> DomainsUnguarded(string? owner, string? name, IReadOnlyCollection<string>? owners)
    {
        string where;
        (string, object)[] parameters;
        if (owner is not null)
            (where, parameters) = (" WHERE d.owner = $v", [("$v", owner)]);
        else if (name is not null)
            (where, parameters) = (" WHERE d.name = $v", [("$v", name)]);
        else if (owners is not null)
            (where, parameters) = (" WHERE d.owner IN (SELECT value FROM json_each($v))", [("$v", System.Text.Json.JsonSerializer.Serialize(owners.ToArray(), StoreJsonContext.Default.StringArray))]);
        else
            (where, parameters) = ("", []);

        using var command = Command(DomainSelect + where + " ORDER BY d.name", parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var handler = reader.GetString(9);
            DomainPhp? php = reader.IsDBNull(4)
                ? null
                : new DomainPhp(
                    reader.GetString(4),
                    reader.GetString(5).Replace(".", "", StringComparison.Ordinal),
                    reader.GetString(6),
                    reader.IsDBNull(7) ? null : reader.GetInt64(7) != 0,
                    handler == "fpm" ? NullableString(reader, 8) : null,
                    handler);
            yield return new(
                reader.GetString(0),
                new DomainInfoWithPhp(reader.GetString(1), reader.GetString(2), reader.GetInt64(3) != 0, php));
        }
    }
}
