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
        if (b.Owners.FirstOrDefault(o => !withPackages.Contains(o)) is { } empty)
            yield return new("packages", "owner", empty);
    }

    public static IEnumerable<FilterCase> Users(Baseline b)
    {
        var users = b.Users.Items;
        foreach (var owner in users.Select(u => Json.Str(u, "owner")).OfType<string>().Distinct(StringComparer.Ordinal).Take(2))
            yield return new("users", "owner", owner);
        if (users.Select(u => Json.Member(u, "package")).FirstOrDefault(p => p is { ValueKind: JsonValueKind.Object }) is { } package
            && Json.Str(package, "name") is { } name && Json.Str(package, "owner") is { } packageOwner)
        {
            yield return new("users", [("package-name", name), ("package-owner", packageOwner)]);
        }

        if (users.Count > 0)
        {
            var middle = users[users.Count / 2];
            if (Json.Str(middle, "username") is { } username)
                yield return new("users", "username", username);
            if (Json.Long(users[^1], "id") is { } id)
                yield return new("users", "unix-id", id.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static IEnumerable<FilterCase> Domains(Baseline b)
    {
        var entries = b.Domains.Entries;
        var owner = entries.Select(d => Json.Str(d.Value, "owner")).OfType<string>()
            .GroupBy(o => o, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
        if (owner is not null)
            yield return new("domains", "owner", owner);
        var name = entries.FirstOrDefault(d => Json.Bool(d.Value, "is_main") == false).Name ?? (entries.Count > 0 ? entries[0].Name : null);
        if (name is not null)
            yield return new("domains", "name", name);
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
