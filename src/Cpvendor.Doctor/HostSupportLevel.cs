using System.Text.Json.Serialization;

namespace Cpvendor.Doctor;

/// <summary>How far the integration supports a host.</summary>
public enum HostSupportLevel
{
    /// <summary>A distribution and version of the table in docs/install.md, on a C library and kernel the binaries run on.</summary>
    [JsonStringEnumMemberName("supported")]
    Supported,

    /// <summary>The distribution cannot be told (no os-release).</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    /// <summary>Not in the table: it may work, nobody has proven it does.</summary>
    [JsonStringEnumMemberName("not_supported")]
    NotSupported,

    /// <summary>The C library is older than the binaries need: they cannot start.</summary>
    [JsonStringEnumMemberName("cannot_run")]
    CannotRun,
}
