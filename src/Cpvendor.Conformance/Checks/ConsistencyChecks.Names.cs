using System.Text.Json;

namespace Cpvendor.Conformance.Checks;

/// <summary>Consistency of the people: one main admin, reseller ids and names, unique names, db_info's mapping.</summary>
internal static partial class ConsistencyChecks
{
    private static Findings OneMainAdmin(CheckContext context)
    {
        var admins = context.Baseline.Admins;
        if (admins.Unusable is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        var main = admins.Items.Where(a => Json.Bool(a, "is_main") == true).Select(a => Json.Str(a, "name")).ToList();
        if (main.Count != 1)
            findings.Fail($"{main.Count} admins have is_main: true ({string.Join(", ", main)}); exactly one is due", admins.Call);
        else
            findings.Pass(admins.Call, $"the main admin is {main[0]}");
        return findings;
    }

    private static Findings ResellerIds(CheckContext context)
    {
        var resellers = context.Baseline.Resellers;
        if (resellers.Unusable is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        foreach (var reseller in resellers.Items)
        {
            if (Json.Member(reseller, "id") is not { ValueKind: JsonValueKind.Number } id)
                continue;
            var ok = id.TryGetInt64(out var value) && value >= context.MaxUid && value <= uint.MaxValue;
            if (!ok)
                findings.Fail($"reseller {Json.Str(reseller, "name")} has id {id.GetRawText()}, outside {context.MaxUid}..4294967295 (UID_MAX of /etc/login.defs is {context.MaxUid}): it would share an LVE id with a UNIX user", resellers.Call);
            else
                findings.Pass();
        }

        findings.PassMessage = $"every reseller id lies in {context.MaxUid}..4294967295";
        findings.NothingToJudge("no reseller has an id");
        return findings;
    }

    private static Findings Disjoint(CheckContext context)
    {
        var b = context.Baseline;
        if (Unusable(b.Admins, b.Resellers) is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        var admins = b.AdminNames.ToHashSet(StringComparer.Ordinal);
        foreach (var reseller in b.ResellerNames)
        {
            if (admins.Contains(reseller))
                findings.Fail($"\"{reseller}\" is both an admin and a reseller", b.Resellers.Call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("no resellers");
        return findings;
    }

    private static Findings Unique(CheckContext context)
    {
        var b = context.Baseline;
        var findings = new Findings();
        void Check(BaselineAnswer answer, string what, IEnumerable<string?> names)
        {
            if (answer.Unusable is not null)
                return;
            foreach (var duplicate in names.OfType<string>().GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1))
                findings.Fail($"{what} \"{duplicate.Key}\" appears {duplicate.Count()} times", answer.Call);
            findings.Pass();
        }

        Check(b.Users, "username", b.Users.Items.Select(u => Json.Str(u, "username")));
        Check(b.Resellers, "reseller", b.ResellerNames);
        Check(b.Admins, "admin", b.AdminNames);
        Check(b.Packages, "package", b.Packages.Items.Select(p => $"{Json.Str(p, "name")}\" of \"{Json.Str(p, "owner")}"));
        findings.NothingToJudge("no usable list");
        return findings;
    }

    private static Findings MappingKeys(CheckContext context)
    {
        var b = context.Baseline;
        if (Unusable(b.DbInfo, b.Users) is { } why)
            return Findings.Skipped(why);
        if (Json.Member(b.DbInfo.Data, "mysql") is not { ValueKind: JsonValueKind.Object } mysql)
            return Findings.Skipped("db_info says there is no MySQL (mysql: null)");
        var users = b.Usernames.ToHashSet(StringComparer.Ordinal);
        var findings = new Findings();
        foreach (var entry in Json.Entries(Json.Member(mysql, "mapping") ?? default))
        {
            if (!users.Contains(entry.Name))
                findings.Fail($"mapping key \"{entry.Name}\" is not a username", b.DbInfo.Call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("the mapping is empty");
        return findings;
    }
}
