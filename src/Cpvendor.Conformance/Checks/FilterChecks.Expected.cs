using System.Text.Json;

namespace Cpvendor.Conformance.Checks;

internal static partial class FilterChecks
{
    /// <summary>
    /// How an ok answer to <paramref name="filter"/> (in any spelling) differs from the part of the
    /// unfiltered answer the filter names; null when that unfiltered answer cannot serve.
    /// </summary>
    internal static List<string>? DifferencesFromExpected(CheckContext context, FilterCase filter, JsonElement data)
    {
        var b = context.Baseline;
        if (filter.Script == "domains")
        {
            if (b.Domains.Unusable is not null || data.ValueKind != JsonValueKind.Object)
                return null;
            return CompareDomains(b.Domains.Entries.Where(d => MatchesDomain(filter, d)), data, ignorePhp: false);
        }

        var baseline = filter.Script switch
        {
            "packages" => b.Packages,
            "users" => b.Users,
            "resellers" => b.Resellers,
            "admins" => b.Admins,
            _ => null,
        };
        if (baseline is null || baseline.Unusable is not null || data.ValueKind != JsonValueKind.Array)
            return null;
        return Json.Differences(baseline.Items.Where(item => Matches(filter, item)), data.EnumerateArray(), Label);
    }
}
