using System.Data.Common;
using Cpvendor.Sources.Validation;
using Cpvendor.Store.Model;

namespace Cpvendor.Sources.Reading;

internal sealed partial class ViewReader
{
    /// <summary>
    /// cpvendor_php has six required columns and three optional ones the domains <c>php</c> block
    /// needs: <c>ini_scan_dir</c> (default: DIR/link/conf for CloudLinux alt-php, DIR/etc/php.d
    /// otherwise), <c>is_native</c> (default null: unknown) and <c>fpm_service</c> (default null).
    /// </summary>
    private List<PhpVersionRow> ReadPhp()
    {
        var rows = new List<PhpVersionRow>();
        using var command = Command("SELECT * FROM cpvendor_php");
        using var reader = command.ExecuteReader();
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < reader.FieldCount; i++)
            columns[reader.GetName(i)] = i;
        foreach (var required in new[] { "identifier", "version", "modules_dir", "dir", "bin", "ini" })
        {
            if (!columns.ContainsKey(required))
            {
                problems.Fail("cpvendor_php", "(columns)", $"the view has no column {required}");
                return rows;
            }
        }

        int? Optional(string name) => columns.TryGetValue(name, out var i) ? i : null;
        var scanDir = Optional("ini_scan_dir");
        var native = Optional("is_native");
        var fpm = Optional("fpm_service");
        var number = 0;
        while (reader.Read())
        {
            number++;
            try
            {
                var identifier = Required(reader, columns["identifier"], "identifier");
                var dir = Required(reader, columns["dir"], "dir");
                rows.Add(new PhpVersionRow(
                    identifier,
                    Required(reader, columns["version"], "version"),
                    Required(reader, columns["modules_dir"], "modules_dir"),
                    dir,
                    Required(reader, columns["bin"], "bin"),
                    Required(reader, columns["ini"], "ini"),
                    (scanDir is { } s ? Cell.Text(reader, s) : null) ?? DefaultScanDir(identifier, dir),
                    native is { } n ? Cell.Flag(reader, n) : null,
                    fpm is { } f ? Cell.Text(reader, f) : null));
            }
            catch (FormatException e)
            {
                if (Cell.Text(reader, columns["identifier"]) is { Length: > 0 } identifier)
                    problems.Reject(RecordKey.Php(identifier), "cpvendor_php", RecordLabels.Row(RecordKey.Php(identifier)), e.Message);
                else
                    problems.RejectUnidentified(RecordKind.Php, "cpvendor_php", $"row {number}", e.Message);
            }
        }

        return rows;
    }

    public static string DefaultScanDir(string identifier, string dir) =>
        identifier.StartsWith("alt-", StringComparison.Ordinal)
            ? dir.TrimEnd('/') + "/link/conf"
            : dir.TrimEnd('/') + "/etc/php.d";
}
