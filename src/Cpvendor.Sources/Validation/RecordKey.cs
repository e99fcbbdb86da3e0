namespace Cpvendor.Sources.Validation;

/// <summary>
/// What one record of a source stands for, whatever its other fields say: an account or domain by
/// the panel's stable id, an administrator, reseller, database user or PHP version by its name, a
/// package by its owner and name (packages have no stable id). Two versions of a record, the one a
/// sync read and the one the store serves, have the same key.
/// </summary>
internal readonly record struct RecordKey(RecordKind Kind, string Id)
{
    public static RecordKey Admin(string name) => new(RecordKind.Admin, name);

    public static RecordKey Reseller(string name) => new(RecordKind.Reseller, name);

    public static RecordKey Package(string owner, string name) => new(RecordKind.Package, owner + "\u0000" + name);

    public static RecordKey User(string accountId) => new(RecordKind.User, accountId);

    public static RecordKey Domain(string domainId) => new(RecordKind.Domain, domainId);

    public static RecordKey DbUser(string name) => new(RecordKind.DbUser, name);

    public static RecordKey Php(string identifier) => new(RecordKind.Php, identifier);
}
