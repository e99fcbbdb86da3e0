namespace Cpvendor.Sources.Validation;

/// <summary>The kinds of record a source lists, in the order their dependencies run (docs/contract.md section 8).</summary>
internal enum RecordKind
{
    Admin,
    Reseller,
    Package,
    User,
    Domain,
    DbUser,
    Php,
}
