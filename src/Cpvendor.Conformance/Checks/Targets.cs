using System.Globalization;
using System.Text.Json;

namespace Cpvendor.Conformance.Checks;

/// <summary>
/// The filtered calls worth making, picked from the baseline answers: a few real owners, users,
/// packages, domains, resellers and admins, so every filter is tried on data that exists.
/// </summary>
internal static class Targets
{
    public const string Nobody = "nosuch-cpvendor-check";
    public const string NoDomain = "nosuch-cpvendor-check.invalid";

    public static IEnumerable<FilterCase> Packages(Baseline b)
    {
        var withPackages = b.Packages.Items.Select(p => Json.Str(p, "owner")).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        foreach (var owner in withPackages.Take(2))
            yield return new("packages", "owner", owner);

        // An owner with nothing is asked in each role (docs/contract.md section 3 packages): an empty list, never NotFound.
        foreach (var empty in OwnersWithout(b, withPackages))
            yield return new("packages", "owner", empty);
    }

    /// <summary>An administrator and a reseller (when there are such) who own none of <paramref name="owning"/>.</summary>
    internal static IEnumerable<string> OwnersWithout(Baseline b, IReadOnlyCollection<string> owning)
    {
        if (b.AdminNames.FirstOrDefault(o => !owning.Contains(o)) is { } admin)
            yield return admin;
        if (b.ResellerNames.FirstOrDefault(o => !owning.Contains(o) && !b.AdminNames.Contains(o)) is { } reseller)
            yield return reseller;
    }

    public static IEnumerable<FilterCase> Users(Baseline b)
    {
        var users = b.Users.Items;
        var owners = users.Select(u => Json.Str(u, "owner")).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        foreach (var owner in owners.Take(2))
            yield return new("users", "owner", owner);
        foreach (var empty in OwnersWithout(b, owners))
            yield return new("users", "owner", empty);
        if (PackagePair(b) is { } pair)
            yield return new("users", [("package-name", pair.Name), ("package-owner", pair.Owner)]);

        if (users.Count > 0)
        {
            var middle = users[users.Count / 2];
            if (Json.Str(middle, "username") is { } username)
                yield return new("users", "username", username);
            if (Json.Long(users[^1], "id") is { } id)
                yield return new("users", "unix-id", id.ToString(CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// The package pair most likely to expose a member that is ignored: a users' package whose name
    /// another owner also uses (so a script that drops --package-owner answers too many users).
    /// </summary>
    public static (string Name, string Owner)? PackagePair(Baseline b)
    {
        var pairs = b.Users.Items.Select(u => Json.Member(u, "package")).OfType<JsonElement>()
            .Where(p => p.ValueKind == JsonValueKind.Object)
            .Select(p => (Name: Json.Str(p, "name"), Owner: Json.Str(p, "owner")))
            .Where(p => p.Name is not null && p.Owner is not null)
            .Select(p => (Name: p.Name!, Owner: p.Owner!)).Distinct().ToList();
        if (pairs.Count == 0)
            return null;
        var shared = pairs.Where(p => b.Packages.Items.Count(k => Json.Str(k, "name") == p.Name) > 1).ToList();
        return shared.Count > 0 ? shared[0] : pairs[0];
    }

    public static IEnumerable<FilterCase> Domains(Baseline b)
    {
        var entries = b.Domains.Entries;
        var owner = entries.Select(d => Json.Str(d.Value, "owner")).OfType<string>()
            .GroupBy(o => o, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        if (owner is not null)
            yield return new("domains", "owner", owner);
        // A main domain and a subdomain: one script answered a main domain with its subdomains too.
        var main = entries.FirstOrDefault(d => Json.Bool(d.Value, "is_main") == true && entries.Any(s => s.Name.EndsWith("." + d.Name, StringComparison.Ordinal))).Name
            ?? entries.FirstOrDefault(d => Json.Bool(d.Value, "is_main") == true).Name;
        if (main is not null)
            yield return new("domains", "name", main);
        var sub = entries.FirstOrDefault(d => Json.Bool(d.Value, "is_main") == false).Name;
        if (sub is not null)
            yield return new("domains", "name", sub);
        if (main is null && sub is null && entries.Count > 0)
            yield return new("domains", "name", entries[0].Name);
    }

    public static IEnumerable<FilterCase> Resellers(Baseline b)
    {
        var items = b.Resellers.Items;
        if (items.Select(r => Json.Long(r, "id")).FirstOrDefault(id => id is not null) is { } id)
            yield return new("resellers", "id", id.ToString(CultureInfo.InvariantCulture));
        if (items.Count > 0 && Json.Str(items[^1], "name") is { } name)
            yield return new("resellers", "name", name);
    }

    public static IEnumerable<FilterCase> Admins(Baseline b)
    {
        if (b.AdminNames.Count > 0 && b.AdminNames[^1] is var name)
            yield return new("admins", "name", name);
        yield return new("admins", "is-main", "true");
        yield return new("admins", "is-main", "false");
    }

    public static IEnumerable<FilterCase> All(Baseline b) =>
        Packages(b).Concat(Users(b)).Concat(Domains(b)).Concat(Resellers(b)).Concat(Admins(b));

    /// <summary>A whole number no user has as UNIX id.</summary>
    public static string UnusedUid(Baseline b)
    {
        var used = b.Users.Items.Select(u => Json.Long(u, "id")).ToHashSet();
        var candidate = 4294967294L;
        while (used.Contains(candidate))
            candidate--;
        return candidate.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A whole number no reseller has as id.</summary>
    public static string UnusedResellerId(Baseline b)
    {
        var used = b.Resellers.Items.Select(r => Json.Long(r, "id")).ToHashSet();
        var candidate = 4294967293L;
        while (used.Contains(candidate))
            candidate--;
        return candidate.ToString(CultureInfo.InvariantCulture);
    }
}
