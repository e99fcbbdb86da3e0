using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Cpvendor.Sources.Reading;

/// <summary>
/// The optional <c>cpvendor_change_marker</c> view (docs/sources.md): rows of <c>server, marker</c>,
/// where a row with a null server stands for the data every host shares. A host reads its own row
/// and the shared one; a panel that changes the marker whenever it changes the data lets an
/// unchanged sync cost one indexed read. Without the view the source cannot tell, and every sync reads.
/// </summary>
internal static class ViewMarker
{
    public const string View = "cpvendor_change_marker";

    /// <param name="isMissingView">Whether an error says the view does not exist (each database words it its own way).</param>
    public static string? Read(DbConnection connection, string? server, Func<DbException, bool> isMissingView)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT server, marker FROM {View}" + (server is null ? "" : " WHERE server = @server OR server IS NULL");
        if (server is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@server";
            parameter.Value = server;
            command.Parameters.Add(parameter);
        }

        try
        {
            var rows = new List<string>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
                rows.Add((Cell.Text(reader, 0) ?? "") + "=" + (Cell.Text(reader, 1) ?? "null"));
            rows.Sort(StringComparer.Ordinal);
            var token = new StringBuilder("view");
            foreach (var row in rows)
                token.Append(CultureInfo.InvariantCulture, $"; {row}");
            // No row at all cannot tell a change from none.
            return rows.Count == 0 ? null : token.ToString();
        }
        catch (DbException e) when (isMissingView(e))
        {
            return null;
        }
    }
}
