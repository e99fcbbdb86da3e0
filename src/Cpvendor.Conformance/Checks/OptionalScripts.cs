using Cpvendor.Conformance.Ini;

namespace Cpvendor.Conformance.Checks;

/// <summary>
/// The scripts the document calls optional (docs/contract.md section 1): a missing one is one
/// warning naming what is lost, not a failure, and the checks that would read it skip saying so.
/// </summary>
internal static class OptionalScripts
{
    public static readonly IReadOnlyDictionary<string, string> Features = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["db_info"] = "without it lve-stats takes no SQL snapshots and MySQL Governor maps no database users",
        ["php"] = "without it AccelerateWP (API 1.4) cannot learn the PHP versions",
    };

    /// <summary>The script's line is absent from the ini (not broken: a broken line stays a failure).</summary>
    public static bool IsMissing(string script, IntegrationConfig config) =>
        Features.ContainsKey(script) && config.Document is { } document
        && document.HasSection(IntegrationConfig.ScriptsSection) && !config.Lines.ContainsKey(script)
        && !document.Options(IntegrationConfig.ScriptsSection).Contains(script, StringComparer.OrdinalIgnoreCase)
        && !document.DefaultOptions.Contains(script, StringComparer.OrdinalIgnoreCase);

    /// <summary>The warning for a problem of the ini that is an optional script left out, or null.</summary>
    public static string? Lost(string problem, IntegrationConfig config)
    {
        var script = problem.Split(':')[0];
        return IsMissing(script, config) ? $"{script} is not configured: it is optional, but {Features[script]}" : null;
    }
}
