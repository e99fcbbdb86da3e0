using System.Globalization;
using System.Text.Json.Nodes;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>
/// The <c>cpapi-example</c> blocks of docs/contract.md as contract rows. A line is
/// <c>ARGUMENTS → RESULT [where FIELD=VALUE]... [fields A,B] [with-php] ["message"]</c>; the data of
/// an <c>ok</c> line is computed from a <see cref="KnownPanel"/>'s own rows. A line this reader does
/// not understand is an error, so a mistyped example cannot silently test nothing.
/// </summary>
public static class ContractExamples
{
    public const string Fence = "```cpapi-example";

    public static string DocumentPath => Path.Combine(Repo.Root, "docs", "contract.md");

    public static IReadOnlyList<ContractCase> Load() => Parse(File.ReadAllLines(DocumentPath));

    public static IReadOnlyList<ContractCase> Parse(IEnumerable<string> lines)
    {
        var cases = new List<ContractCase>();
        var inside = false;
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            var trimmed = line.Trim();
            if (!inside)
            {
                inside = trimmed == Fence;
                continue;
            }

            if (trimmed == "```")
            {
                inside = false;
                continue;
            }

            if (trimmed.Length == 0)
                continue;
            try
            {
                cases.Add(ParseLine(trimmed));
            }
            catch (FormatException e)
            {
                throw new FormatException($"docs/contract.md line {number}: {e.Message}", e);
            }
        }

        if (inside)
            throw new FormatException("docs/contract.md: a cpapi-example block is not closed");
        return cases;
    }

    public static ContractCase ParseLine(string line)
    {
        var parts = line.Split('→');
        if (parts.Length != 2)
            throw new FormatException($"expected one '→' in '{line}'");
        var args = parts[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var expected = parts[1].Trim();
        var message = default(string);
        var quote = expected.IndexOf('"', StringComparison.Ordinal);
        if (quote >= 0)
        {
            if (!expected.EndsWith('"') || expected.Length - quote < 2)
                throw new FormatException($"unterminated message in '{line}'");
            message = expected[(quote + 1)..^1];
            expected = expected[..quote].Trim();
        }

        var words = expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            throw new FormatException($"no expected result in '{line}'");
        var result = words[0];
        if (result != "ok")
        {
            if (words.Length > 1 || result is not ("BadRequest" or "NotFound" or "PermissionDenied" or "InternalAPIError"))
                throw new FormatException($"'{expected}' is not a result kind");
            return new ContractCase(args, result, Message: message);
        }

        if (args.Length == 0)
            throw new FormatException("an ok line names a script");
        var selection = Selection.Parse(words.AsSpan(1));
        return new ContractCase(args, "ok", selection.For(args[0]), message);
    }

    private sealed record Selection(IReadOnlyList<(string Field, string Value)> Where, string[]? Fields, bool WithPhp)
    {
        public static Selection Parse(ReadOnlySpan<string> words)
        {
            var where = new List<(string, string)>();
            string[]? fields = null;
            var withPhp = false;
            for (var i = 0; i < words.Length; i++)
            {
                switch (words[i])
                {
                    case "where" when i + 1 < words.Length && words[i + 1].Contains('=', StringComparison.Ordinal):
                        var pair = words[++i].Split('=', 2);
                        where.Add((pair[0], pair[1]));
                        break;
                    case "fields" when i + 1 < words.Length:
                        fields = words[++i].Split(',');
                        break;
                    case "with-php":
                        withPhp = true;
                        break;
                    default:
                        throw new FormatException($"'{words[i]}' is not understood after ok");
                }
            }

            return new Selection(where, fields, withPhp);
        }

        public Func<KnownPanel, JsonNode?> For(string script)
        {
            if (Fields is not null && script != "users")
                throw new FormatException("fields applies to users only");
            if (WithPhp && script != "domains")
                throw new FormatException("with-php applies to domains only");
            return script switch
            {
                "panel_info" => NoFilter(Expected.PanelInfo),
                "db_info" => NoFilter(Expected.DbInfo),
                "php" => NoFilter(Expected.Php),
                "packages" => Filtered(script, ["owner"], p => Expected.Packages(p, Value(p, "owner"))),
                "users" => Filtered(script, ["owner", "username", "id", "package"], p => Expected.Users(p, u =>
                    Matches(p, "owner", u.Owner) && Matches(p, "username", u.Username)
                    && Matches(p, "id", u.Uid.ToString(CultureInfo.InvariantCulture))
                    && Matches(p, "package", u.PackageName is null ? null : $"{u.PackageName}/{u.PackageOwner}"), Fields)),
                "domains" => Filtered(script, ["owner", "name"], p => Expected.Domains(p, d =>
                    Matches(p, "owner", d.Owner) && Matches(p, "name", d.Name), WithPhp)),
                "resellers" => Filtered(script, ["name"], p => Expected.Resellers(p, r => Matches(p, "name", r.Name))),
                "admins" => Filtered(script, ["name", "is_main"], p => Expected.Admins(p, a =>
                    Matches(p, "name", a.Name) && Matches(p, "is_main", a.IsMain ? "true" : "false"))),
                _ => throw new FormatException($"no ok answer is defined for '{script}'"),
            };
        }

        private Func<KnownPanel, JsonNode?> NoFilter(Func<KnownPanel, JsonNode> answer) =>
            Where.Count == 0 ? p => answer(p) : throw new FormatException("this script takes no where");

        private Func<KnownPanel, JsonNode?> Filtered(string script, string[] known, Func<KnownPanel, JsonNode?> answer)
        {
            foreach (var (field, _) in Where)
            {
                if (!known.Contains(field))
                    throw new FormatException($"{script} has no where field '{field}'");
            }

            return answer;
        }

        private string? Value(KnownPanel panel, string field)
        {
            var found = Where.Where(w => w.Field == field).Select(w => w.Value).ToList();
            return found.Count == 0 ? null : Substitute(panel, found[^1]);
        }

        private bool Matches(KnownPanel panel, string field, string? actual) =>
            Where.Where(w => w.Field == field).All(w => Substitute(panel, w.Value) == actual);

        private static string Substitute(KnownPanel panel, string value) => value
            .Replace("{bob-uid}", panel.BobUid.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{alice-uid}", panel.AliceUid.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
