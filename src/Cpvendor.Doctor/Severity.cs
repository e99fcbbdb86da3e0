using System.Text.Json.Serialization;

namespace Cpvendor.Doctor;

/// <summary>How bad a finding is, in rising order. Unknown ranks above Info: what cannot be read is never reported as fine.</summary>
public enum Severity
{
    /// <summary>Checked and right.</summary>
    [JsonStringEnumMemberName("ok")]
    Ok,

    /// <summary>Worth knowing; nothing to fix (CageFS not installed, sudo not used).</summary>
    [JsonStringEnumMemberName("info")]
    Info,

    /// <summary>Could not be checked: a file is unreadable or a tool is missing.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    /// <summary>Works today but will break something or weaken isolation.</summary>
    [JsonStringEnumMemberName("warning")]
    Warning,

    /// <summary>CloudLinux cannot use the integration, or users are exposed.</summary>
    [JsonStringEnumMemberName("error")]
    Error,
}
