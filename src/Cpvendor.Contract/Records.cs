using System.Text.Json.Serialization;

namespace Cpvendor.Contract;

// The data objects of docs/contract.md section 3. Property order is the wire order; every property is
// always written, null included (the serializer context never ignores nulls).

public sealed record PanelInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("user_login_url")] string? UserLoginUrl,
    [property: JsonPropertyName("supported_cl_features")] IReadOnlyDictionary<string, bool> SupportedClFeatures);

public sealed record DbAccess(
    [property: JsonPropertyName("login")] string Login,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("port")] int Port);

public sealed record MysqlInfo(
    [property: JsonPropertyName("access")] DbAccess Access,
    [property: JsonPropertyName("mapping")] IReadOnlyDictionary<string, IReadOnlyList<string>> Mapping);

public sealed record DbInfo([property: JsonPropertyName("mysql")] MysqlInfo? Mysql);

public sealed record PackageRef(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("owner")] string Owner);

public sealed record PackageInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("owner")] string Owner);

public sealed record UserInfo(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("domain")] string? Domain,
    [property: JsonPropertyName("package")] PackageRef? Package,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("locale_code")] string? LocaleCode);

public sealed record DomainPhp(
    [property: JsonPropertyName("php_version_id")] string PhpVersionId,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("ini_path")] string IniPath,
    [property: JsonPropertyName("is_native")] bool? IsNative,
    [property: JsonPropertyName("fpm")] string? Fpm,
    [property: JsonPropertyName("handler")] string Handler);

public sealed record DomainInfo(
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("document_root")] string DocumentRoot,
    [property: JsonPropertyName("is_main")] bool IsMain);

public sealed record DomainInfoWithPhp(
    [property: JsonPropertyName("owner")] string Owner,
    [property: JsonPropertyName("document_root")] string DocumentRoot,
    [property: JsonPropertyName("is_main")] bool IsMain,
    [property: JsonPropertyName("php")] DomainPhp? Php);

public sealed record ResellerInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("locale_code")] string? LocaleCode,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("id")] long? Id);

public sealed record AdminInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("unix_user")] string? UnixUser,
    [property: JsonPropertyName("locale_code")] string? LocaleCode,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("is_main")] bool IsMain);

public sealed record PhpInfo(
    [property: JsonPropertyName("identifier")] string Identifier,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("modules_dir")] string ModulesDir,
    [property: JsonPropertyName("dir")] string Dir,
    [property: JsonPropertyName("bin")] string Bin,
    [property: JsonPropertyName("ini")] string Ini);

/// <summary>The bare object printed by ui_user_info (not an envelope).</summary>
public sealed record UiUserInfo(
    [property: JsonPropertyName("userName")] string UserName,
    [property: JsonPropertyName("userId")] long UserId,
    [property: JsonPropertyName("userType")] string UserType,
    [property: JsonPropertyName("baseUri")] string BaseUri,
    [property: JsonPropertyName("assetsUri")] string AssetsUri,
    [property: JsonPropertyName("lang")] string Lang,
    [property: JsonPropertyName("userDomain")] string UserDomain);
