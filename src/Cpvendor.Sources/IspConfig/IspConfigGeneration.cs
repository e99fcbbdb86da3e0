using System.Data.Common;

namespace Cpvendor.Sources.IspConfig;

/// <summary>
/// Which of ISPConfig's two layouts of a website's PHP version a database has, found in
/// information_schema rather than configured: 3.1 names the version in
/// <c>web_domain.fastcgi_php_version</c> (a <c>name:binary:ini_dir</c> or
/// <c>name:init_script:ini_dir:pool_dir</c> string), 3.2 points at <c>server_php</c> by
/// <c>web_domain.server_php_id</c>. A database half way through the upgrade has both columns.
/// </summary>
internal sealed record IspConfigGeneration(bool HasServerPhpId, bool HasFastcgiPhpVersion)
{
    public string Name => HasServerPhpId ? "3.2" : HasFastcgiPhpVersion ? "3.1" : "3.0";

    public static IspConfigGeneration Detect(DbConnection connection, DbTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'web_domain' AND COLUMN_NAME IN ('server_php_id', 'fastcgi_php_version')";
        var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                columns.Add(reader.GetString(0));
        }

        return new IspConfigGeneration(columns.Contains("server_php_id"), columns.Contains("fastcgi_php_version"));
    }

    /// <summary>The two PHP columns of a <c>web_domain</c> row in every generation (NULL where a column is missing).</summary>
    public string PhpColumns(string alias) =>
        (HasServerPhpId ? $"{alias}.server_php_id" : "NULL") + ", " + (HasFastcgiPhpVersion ? $"{alias}.fastcgi_php_version" : "NULL");
}
