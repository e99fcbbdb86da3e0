using System.Text.Json.Serialization;

namespace Cpvendor.Doctor;

/// <summary>One result of one check: what was found, the evidence, and how to fix it.</summary>
public sealed record Finding(
    [property: JsonPropertyName("check")] string Check,
    [property: JsonPropertyName("section")] string Section,
    [property: JsonPropertyName("severity")] Severity Severity,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("evidence")] string? Evidence,
    [property: JsonPropertyName("fix")] string? Fix);
