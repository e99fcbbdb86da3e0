namespace Cpvendor.Store.Model;

// The rows the store keeps, as written by the panel side (sample generator, lifecycle commands).

public sealed record AdminRow(string Name, string? UnixUser, string? Email, string LocaleCode, bool IsMain);

public sealed record ResellerRow(string Name, long? ResellerId, string? Email, string LocaleCode);

public sealed record PackageRow(string Owner, string Name);

public sealed record UserRow(
    string Username,
    uint Uid,
    string Owner,
    string? PackageOwner,
    string? PackageName,
    string? Email,
    string LocaleCode,
    string Home);

public sealed record DomainRow(
    string Name,
    string Owner,
    string DocumentRoot,
    bool IsMain,
    string? PhpVersionId,
    string? Handler);

public sealed record DbUserRow(string DbUser, string Owner);

public sealed record PhpVersionRow(
    string Identifier,
    string Version,
    string ModulesDir,
    string Dir,
    string Bin,
    string Ini,
    string IniScanDir,
    bool? IsNative,
    string? FpmService);
