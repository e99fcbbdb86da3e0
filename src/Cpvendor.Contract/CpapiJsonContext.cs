using System.Text.Json.Serialization;

namespace Cpvendor.Contract;

/// <summary>
/// Source-generated serialization for every wire record: no reflection, nulls always written,
/// compact output, property names exactly as declared.
/// </summary>
[JsonSourceGenerationOptions(
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    WriteIndented = false,
    GenerationMode = JsonSourceGenerationMode.Default)]
[JsonSerializable(typeof(PanelInfo))]
[JsonSerializable(typeof(DbInfo))]
[JsonSerializable(typeof(PackageInfo))]
[JsonSerializable(typeof(UserInfo))]
[JsonSerializable(typeof(DomainInfo))]
[JsonSerializable(typeof(DomainInfoWithPhp))]
[JsonSerializable(typeof(ResellerInfo))]
[JsonSerializable(typeof(AdminInfo))]
[JsonSerializable(typeof(PhpInfo))]
[JsonSerializable(typeof(UiUserInfo))]
public sealed partial class CpapiJsonContext : JsonSerializerContext;
