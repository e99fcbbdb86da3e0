using System.Text.Json;
using System.Text.Json.Serialization;
using Cpvendor.Core;

namespace Cpvendor.Doctor;

/// <summary>Every finding of a doctor run, and the exit status that reflects the worst of them.</summary>
public sealed record DoctorReport(
    [property: JsonPropertyName("root")] string Root,
    [property: JsonPropertyName("findings")] IReadOnlyList<Finding> Findings)
{
    [JsonPropertyName("worst")]
    public Severity Worst => Findings.Count == 0 ? Severity.Ok : Findings.Max(f => f.Severity);

    /// <summary>Script lines not run as root because a user other than root can change them.</summary>
    [JsonPropertyName("refused_to_run")]
    public IReadOnlyList<string> RefusedToRun { get; init; } = [];

    /// <summary>The distribution, C library and kernel of the host examined.</summary>
    [JsonPropertyName("host")]
    public HostPlatform? Host { get; init; }

    /// <summary>
    /// 0 nothing above info, 1 a warning, 2 an error, 3 only unknowns (the monitoring-plugin
    /// convention); 6 when a script line was not run because a user other than root can change it.
    /// </summary>
    [JsonIgnore]
    public int ExitCode => RefusedToRun.Count > 0 ? Core.ExitCodes.Untrusted : Worst switch
    {
        Severity.Error => ExitCodes.DoctorError,
        Severity.Warning => ExitCodes.DoctorWarning,
        Severity.Unknown => ExitCodes.DoctorUnknown,
        _ => ExitCodes.Success,
    };

    public void WriteText(TextWriter output)
    {
        output.WriteLine($"cpvendor doctor: {Root}");
        if (Host is { } host)
            output.WriteLine($"host: {host.Summary}");
        foreach (var finding in Findings)
        {
            output.WriteLine($"[{Label(finding.Severity)}] {finding.Check} (docs/contract.md section {finding.Section}): {finding.Summary}");
            if (finding.Evidence is { } evidence)
                output.WriteLine($"        evidence: {evidence}");
            if (finding.Fix is { } fix)
                output.WriteLine($"        fix: {fix}");
        }

        var counts = Enum.GetValues<Severity>().Select(s => (s, Findings.Count(f => f.Severity == s))).Where(c => c.Item2 > 0);
        output.WriteLine(string.Join(", ", counts.Select(c => $"{c.Item2} {Label(c.s).Trim().ToLowerInvariant()}")));
    }

    public void WriteJson(TextWriter output) => output.WriteLine(JsonSerializer.Serialize(this, DoctorJsonContext.Default.DoctorReport));

    private static string Label(Severity severity) => severity switch
    {
        Severity.Ok => "ok     ",
        Severity.Info => "info   ",
        Severity.Unknown => "unknown",
        Severity.Warning => "warning",
        _ => "ERROR  ",
    };
}

[JsonSourceGenerationOptions(WriteIndented = true, UseStringEnumConverter = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DoctorReport))]
internal sealed partial class DoctorJsonContext : JsonSerializerContext;
