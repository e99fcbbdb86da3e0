using System.Data;
using System.Data.Common;
using Cpvendor.Sources.Validation;
using Cpvendor.Store.Model;

namespace Cpvendor.Sources.Reading;

/// <summary>
/// Reads the cpvendor_* views (docs/sources.md) over any ADO.NET connection, in one read-only
/// repeatable-read transaction so the views agree with each other. Order does not matter: the store
/// answers in ordinal name order whatever order rows arrive in. Rows with a cell that cannot be
/// read are reported as problems, not thrown.
/// </summary>
internal sealed partial class ViewReader
{
    private readonly DbConnection connection;
    private readonly string? server;
    private readonly SourceProblems problems;
    private DbTransaction? transaction;

    public ViewReader(DbConnection connection, string? server, SourceProblems problems)
    {
        this.connection = connection;
        this.server = server;
        this.problems = problems;
    }

    public PanelSnapshot Read()
    {
        using (transaction = connection.BeginTransaction(IsolationLevel.RepeatableRead))
        {
            var snapshot = new PanelSnapshot(
                Rows("cpvendor_admins", "SELECT name, unix_user, locale_code, email, is_main FROM cpvendor_admins", RecordKind.Admin, r => Key(r, 0, t => RecordKey.Admin(t)), r =>
                    new AdminRow(Required(r, 0, "name"), Cell.Text(r, 1), Cell.Text(r, 3), Locale(r, 2), Cell.Flag(r, 4) ?? false)),
                Rows("cpvendor_resellers", "SELECT name, reseller_id, locale_code, email FROM cpvendor_resellers", RecordKind.Reseller, r => Key(r, 0, t => RecordKey.Reseller(t)), r =>
                    new ResellerRow(Required(r, 0, "name"), Cell.Number(r, 1), Cell.Text(r, 3), Locale(r, 2))),
                Rows("cpvendor_packages", "SELECT name, owner FROM cpvendor_packages", RecordKind.Package, r => Key(r, 0, name => Key(r, 1, owner => RecordKey.Package(owner, name))), r =>
                    new PackageRow(Required(r, 1, "owner"), Required(r, 0, "name"))),
                Rows("cpvendor_users", "SELECT account_id, uid, username, owner, package_name, package_owner, email, locale_code, home FROM cpvendor_users" + ServerFilter, RecordKind.User, r => Key(r, 0, t => RecordKey.User(t)), ReadUser),
                Rows("cpvendor_domains", "SELECT domain_id, name, owner, document_root, is_main, php_version_id, handler FROM cpvendor_domains" + ServerFilter + OwnerFilter("AND"), RecordKind.Domain, r => Key(r, 0, t => RecordKey.Domain(t)), ReadDomain),
                Rows("cpvendor_db_users", "SELECT db_user, owner FROM cpvendor_db_users" + OwnerFilter("WHERE"), RecordKind.DbUser, r => Key(r, 0, t => RecordKey.DbUser(t)), r =>
                    new DbUserRow(Required(r, 0, "db_user"), Required(r, 1, "owner"))),
                ReadPhp());
            transaction.Commit();
            return snapshot;
        }
    }

    /// <summary>A host with a server name serves its own rows and the shared ones (server null).</summary>
    private string ServerFilter => server is null ? "" : " WHERE (server = @server OR server IS NULL)";

    /// <summary>
    /// Domains and database users follow their owner: the database keeps those of accounts served
    /// elsewhere to itself, so a host of a fleet reads its own slice only, with the views as they are.
    /// </summary>
    private string OwnerFilter(string keyword) =>
        server is null ? "" : $" {keyword} owner IN (SELECT username FROM cpvendor_users WHERE server = @server OR server IS NULL)";

    private static SourceUser ReadUser(DbDataReader r)
    {
        var uid = Cell.Number(r, 1) ?? throw new FormatException("uid is null");
        if (uid is < 0 or > uint.MaxValue)
            throw new FormatException($"uid {uid} is not a UNIX id");
        return new SourceUser(
            Required(r, 0, "account_id"),
            new UserRow(Required(r, 2, "username"), (uint)uid, Required(r, 3, "owner"), Cell.Text(r, 5), Cell.Text(r, 4),
                Cell.Text(r, 6), Locale(r, 7), Required(r, 8, "home")));
    }

    private static SourceDomain ReadDomain(DbDataReader r) =>
        new(Required(r, 0, "domain_id"),
            new DomainRow(Required(r, 1, "name"), Required(r, 2, "owner"), Required(r, 3, "document_root"),
                Cell.Flag(r, 4) ?? false, Cell.Text(r, 5), Cell.Text(r, 6)));

    /// <summary>
    /// The rows of one view. A row with a cell that cannot be read is rejected alone, by its key when
    /// the key's own cells can be read (docs/contract.md section 8).
    /// </summary>
    private List<T> Rows<T>(string view, string sql, RecordKind kind, Func<DbDataReader, RecordKey?> key, Func<DbDataReader, T> map)
    {
        var rows = new List<T>();
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        var number = 0;
        while (reader.Read())
        {
            number++;
            try
            {
                rows.Add(map(reader));
            }
            catch (FormatException e)
            {
                if (key(reader) is { } k)
                    problems.Reject(k, view, RecordLabels.Row(k), e.Message);
                else
                    problems.RejectUnidentified(kind, view, $"row {number}", e.Message);
            }
        }

        return rows;
    }

    /// <summary>The key made of a cell's text, or null when the cell is null or empty.</summary>
    private static RecordKey? Key(DbDataReader reader, int ordinal, Func<string, RecordKey?> key) =>
        Cell.Text(reader, ordinal) is { Length: > 0 } text ? key(text) : null;

    private DbCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (server is not null && sql.Contains("@server", StringComparison.Ordinal))
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@server";
            parameter.Value = server;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static string Required(DbDataReader reader, int ordinal, string column) =>
        Cell.Text(reader, ordinal) is { Length: > 0 } text ? text : throw new FormatException($"{column} is null or empty");

    private static string Locale(DbDataReader reader, int ordinal) => Cell.Text(reader, ordinal) ?? "EN_us";
}
