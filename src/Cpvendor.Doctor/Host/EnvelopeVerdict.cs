using System.Text.Json;
using Cpvendor.Core.Processes;

namespace Cpvendor.Doctor.Host;

/// <summary>Whether a script's output is the one valid envelope of docs/contract.md section 2, and its result.</summary>
internal static class EnvelopeVerdict
{
    /// <summary>Null when the run answered a valid envelope; otherwise what is wrong. <paramref name="result"/> is metadata.result.</summary>
    public static string? Judge(ChildResult run, out string? result)
    {
        result = null;
        if (run.TimedOut)
            return $"did not answer within {run.Elapsed.TotalSeconds:0} s";
        if (run.Stderr.Length > 0)
            return $"wrote to stderr: {Clip(run.Stderr)}";
        if (run.ExitCode != 0)
            return $"exited {run.ExitCode}";
        try
        {
            using var document = JsonDocument.Parse(run.Stdout);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("data", out _)
                || !root.TryGetProperty("metadata", out var metadata) || !metadata.TryGetProperty("result", out var kind)
                || kind.ValueKind != JsonValueKind.String)
            {
                return $"not an envelope: {Clip(run.Stdout)}";
            }

            result = kind.GetString();
            return null;
        }
        catch (JsonException)
        {
            return $"not one JSON document: {Clip(run.Stdout)}";
        }
    }

    public static string Clip(string text)
    {
        var t = text.Trim().ReplaceLineEndings(" ");
        return t.Length <= 160 ? t : t[..157] + "...";
    }
}
