using Cpvendor.Store.Model;

namespace Cpvendor.Store;

public sealed partial class PanelReader
{
    /// <summary>
    /// The PHP versions marked native (<c>is_native = 1</c>): the panel's default first when it is
    /// one of them, then by identifier. CloudLinux's PHP Selector knows one native PHP, the first.
    /// </summary>
    public IReadOnlyList<NativePhpRow> NativePhp() => StoreFailure.Guard(() => NativePhpUnguarded(), connection);

    private List<NativePhpRow> NativePhpUnguarded()
    {
        using var command = Command("""
            SELECT p.identifier, p.bin, p.ini FROM php_versions p
            LEFT JOIN panel s ON s.id = 1
            WHERE p.is_native = 1
            ORDER BY CASE WHEN p.identifier = s.default_php THEN 0 ELSE 1 END, p.identifier
            """);
        using var reader = command.ExecuteReader();
        var rows = new List<NativePhpRow>();
        while (reader.Read())
            rows.Add(new NativePhpRow(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        return rows;
    }
}
