using System.Data.Common;
using Cpvendor.Core;

namespace Cpvendor.Sources.IspConfig;

/// <summary>
/// The ISPConfig schema generations this source reads, each described by the columns it reads
/// (docs/panels/ispconfig.md, "Generations"), and the one detection that picks a generation from the
/// columns <c>information_schema</c> shows: 3.2 points a website at <c>server_php</c> by
/// <c>web_domain.server_php_id</c> (upd_0089/upd_0091); 3.1 names it in
/// <c>web_domain.fastcgi_php_version</c> and has <c>web_domain.directive_snippets_id</c> (upd_0079, the
/// first update of 3.1), which 3.0 lacks. Any other schema, 3.0 included, is refused before a row is
/// read, naming what is missing. Columns that came within a generation (<c>server_php.active</c> in
/// upd_0086 of 3.1) are read only where present.
/// </summary>
internal sealed record IspConfigGeneration(string Name, bool HasServerPhpId, bool HasFastcgiPhpVersion, bool HasServerPhpActive)
{
    /// <summary>What every supported generation has and the source reads, by table.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Common = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["server"] = ["server_id", "server_name", "web_server"],
        ["sys_user"] = ["userid", "username", "typ", "language"],
        ["sys_group"] = ["groupid", "client_id"],
        ["client"] = ["client_id", "parent_client_id", "limit_client", "username", "email", "language", "template_master"],
        ["client_template"] = ["template_id", "template_name", "template_type", "sys_groupid"],
        ["server_php"] = ["server_php_id", "server_id", "name", "php_fastcgi_binary", "php_fastcgi_ini_dir", "php_fpm_init_script", "php_fpm_ini_dir", "php_fpm_pool_dir"],
        ["web_domain"] = ["domain_id", "domain", "type", "parent_domain_id", "system_user", "document_root", "web_folder", "php", "active", "server_id", "sys_groupid"],
        ["web_database"] = ["parent_domain_id", "database_user_id", "database_ro_user_id"],
        ["web_database_user"] = ["database_user_id", "database_user"],
        ["sys_datalog"] = ["datalog_id", "server_id"],
    };

    /// <summary>What 3.1 adds to <see cref="Common"/>: the website's PHP as a string, and the column that tells it from 3.0.</summary>
    public static readonly IReadOnlyList<(string Table, string Column)> Only31 =
        [("web_domain", "fastcgi_php_version"), ("web_domain", "directive_snippets_id")];

    /// <summary>What 3.2 adds to <see cref="Common"/>: the website's PHP by id, and whether a PHP version is active.</summary>
    public static readonly IReadOnlyList<(string Table, string Column)> Only32 =
        [("web_domain", "server_php_id"), ("server_php", "active")];

    /// <summary>Reads the columns of the tables above and picks the generation, or refuses the schema.</summary>
    public static IspConfigGeneration Detect(DbConnection connection, DbTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN ('" +
            string.Join("', '", Common.Keys) + "')";
        var present = new HashSet<(string, string)>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                present.Add((reader.GetString(0).ToLowerInvariant(), reader.GetString(1).ToLowerInvariant()));
        }

        return Pick(present);
    }

    /// <summary>The generation the columns make, or a refusal naming what is missing (the rule of <see cref="Detect"/>).</summary>
    public static IspConfigGeneration Pick(IReadOnlySet<(string Table, string Column)> present)
    {
        ArgumentNullException.ThrowIfNull(present);
        bool Has(string table, string column) => present.Contains((table, column));
        IspConfigGeneration generation;
        IEnumerable<(string, string)> wanted;
        if (Has("web_domain", "server_php_id"))
        {
            // Between upd_0089 and upd_0092 a 3.2 database still has the 3.1 column; it is read as a fallback.
            generation = new IspConfigGeneration("3.2", true, Has("web_domain", "fastcgi_php_version"), true);
            wanted = Only32;
        }
        else if (Has("web_domain", "fastcgi_php_version") && Has("web_domain", "directive_snippets_id"))
        {
            generation = new IspConfigGeneration("3.1", false, true, Has("server_php", "active"));
            wanted = Only31;
        }
        else if (Has("web_domain", "fastcgi_php_version"))
        {
            throw Refused("it has web_domain.fastcgi_php_version but not web_domain.directive_snippets_id, which ISPConfig 3.1 added (upd_0079): " +
                "ISPConfig 3.0 is not supported; upgrade the panel, or grant the account SELECT on web_domain.directive_snippets_id");
        }
        else
        {
            throw Refused("web_domain has neither server_php_id (3.2) nor fastcgi_php_version (3.1)");
        }

        var missing = Common.SelectMany(t => t.Value.Select(c => (t.Key, c))).Concat(wanted)
            .Where(c => !present.Contains(c)).Select(c => $"{c.Item1}.{c.Item2}").ToList();
        if (missing.Count > 0)
            throw Refused($"it looks like ISPConfig {generation.Name} but lacks {string.Join(", ", missing)}");
        return generation;
    }

    /// <summary>The two PHP columns of a <c>web_domain</c> row in every generation (NULL where a column is missing).</summary>
    public string PhpColumns(string alias) =>
        (HasServerPhpId ? $"{alias}.server_php_id" : "NULL") + ", " + (HasFastcgiPhpVersion ? $"{alias}.fastcgi_php_version" : "NULL");

    /// <summary>The filter on active PHP versions where the generation has the column; every row is active before it.</summary>
    public string ActivePhpFilter => HasServerPhpActive ? "active = 'y'" : "1 = 1";

    private static CpvendorException Refused(string why) =>
        CpvendorException.Invalid($"the database is not an ISPConfig schema this version reads (3.1 or 3.2): {why} " +
            "(columns the account cannot SELECT look missing too; docs/panels/ispconfig.md lists the grants)");
}
