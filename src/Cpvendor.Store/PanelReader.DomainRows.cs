namespace Cpvendor.Store;

public sealed partial class PanelReader
{
    /// <summary>
    /// The rows of <see cref="Domains(string?, string?, IReadOnlyCollection{string}?)"/> without
    /// their PHP details, as a cursor over UTF-8 columns: 0 name, 1 owner, 2 document root, 3 is main
    /// (0 or 1). One owner, one domain by name, or all; ordered by name. No PHP version is looked up
    /// and no string is made per column, which is most of the cost of listing every domain.
    /// </summary>
    public RowCursor DomainRows(string? owner = null, string? name = null)
    {
        const string Select = "SELECT d.name, d.owner, d.document_root, d.is_main FROM domains d";
        if (owner is not null)
            return new RowCursor(connection, Select + " WHERE d.owner = ?1 ORDER BY d.name", [owner]);
        if (name is not null)
            return new RowCursor(connection, Select + " WHERE d.name = ?1 ORDER BY d.name", [name]);
        return new RowCursor(connection, Select + " ORDER BY d.name", []);
    }
}
