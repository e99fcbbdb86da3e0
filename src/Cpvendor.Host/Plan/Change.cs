using System.Text.Json.Serialization;

namespace Cpvendor.Host.Plan;

/// <summary>What one install step did to the host, recorded so that uninstall can take it back.</summary>
internal enum ChangeKind
{
    /// <summary>A folder that did not exist; removed again when empty.</summary>
    CreatedDir,

    /// <summary>A folder whose whole content is cpvendor's (published answers); removed with its content.</summary>
    CreatedTree,

    /// <summary>A file that did not exist; removed.</summary>
    CreatedFile,

    /// <summary>A file that existed and was overwritten; its prior content, mode and owner are put back.</summary>
    ReplacedFile,

    /// <summary>A file whose mode or owner was changed; the prior ones are put back.</summary>
    ChangedMode,

    /// <summary>A line appended to a shared file (cagefs.mp); that line is removed again.</summary>
    AddedLine,

    /// <summary>A system group created on the host; removed only when the install root is the real /.</summary>
    CreatedGroup,

    /// <summary>An administrator announced to CloudLinux with the admin create hook; not announced twice.</summary>
    AnnouncedAdmin,

    /// <summary>
    /// Not a change to the host: the options of the last install (JSON in <c>detail</c>), which the
    /// next install starts from. Uninstall has nothing to undo for it.
    /// </summary>
    RecordedOptions,

    /// <summary>One name=value line of a file another program owns (Virtualmin's configuration); only that line is put back.</summary>
    SetKey,
}

/// <summary>One recorded change. <see cref="Prior"/> holds base64 content of a replaced file.</summary>
internal sealed record Change(
    [property: JsonPropertyName("kind")] ChangeKind Kind,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("mode")] int? Mode = null,
    [property: JsonPropertyName("uid")] uint? Uid = null,
    [property: JsonPropertyName("gid")] uint? Gid = null,
    [property: JsonPropertyName("detail")] string? Detail = null);

[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(List<Change>))]
[JsonSerializable(typeof(Choices.InstallChoices))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
