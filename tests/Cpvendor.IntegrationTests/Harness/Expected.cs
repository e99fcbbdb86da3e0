using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cpvendor.Store.Model;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>
/// The answers docs/contract.md section 3 prescribes for a <see cref="KnownPanel"/>, computed from the
/// panel's own rows: objects carry exactly the schema's keys in wire order, nulls included. Lists
/// and keyed objects are in ordinal name order (the order the implementation documents as stable).
/// </summary>
public static class Expected
{
    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        WriteIndented = false,
    };

    /// <summary>One canonical text for a JSON value, so that two answers compare byte for byte, key order included.</summary>
    public static string Canonical(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    public static string Canonical(JsonElement element) => Canonical(JsonNode.Parse(element.GetRawText()));

    public static JsonNode PanelInfo(KnownPanel p)
    {
        var features = new JsonObject();
        foreach (var (name, enabled) in p.Features.OrderBy(f => f.Name, StringComparer.Ordinal))
            features[name] = enabled;
        return new JsonObject
        {
            ["name"] = p.PanelName,
            ["version"] = p.PanelVersion,
            ["user_login_url"] = p.LoginUrl,
            ["supported_cl_features"] = features,
        };
    }

    public static JsonNode DbInfo(KnownPanel p)
    {
        var mapping = new JsonObject();
        foreach (var group in p.DbUsers.GroupBy(d => d.Owner).OrderBy(g => g.Key, StringComparer.Ordinal))
            mapping[group.Key] = new JsonArray([.. group.Select(d => d.DbUser).Order(StringComparer.Ordinal).Select(n => (JsonNode)n)]);
        var c = p.Credential;
        return new JsonObject
        {
            ["mysql"] = new JsonObject
            {
                ["access"] = new JsonObject { ["login"] = c.Login, ["password"] = c.Password, ["host"] = c.Host, ["port"] = c.Port },
                ["mapping"] = mapping,
            },
        };
    }

    public static JsonNode Packages(KnownPanel p, string? owner = null) => List(
        p.Packages.Where(x => owner is null || x.Owner == owner)
            .OrderBy(x => x.Owner, StringComparer.Ordinal).ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => new JsonObject { ["name"] = x.Name, ["owner"] = x.Owner }));

    public static readonly IReadOnlyList<string> UserFields = ["id", "username", "owner", "domain", "package", "email", "locale_code"];

    public static JsonNode Users(KnownPanel p, Func<UserRow, bool>? filter = null, IReadOnlyCollection<string>? fields = null) => List(
        p.Users.Where(filter ?? (_ => true)).OrderBy(u => u.Username, StringComparer.Ordinal).Select(u =>
        {
            var main = p.Domains.SingleOrDefault(d => d.Owner == u.Username && d.IsMain)?.Name;
            var all = new Dictionary<string, JsonNode?>
            {
                ["id"] = u.Uid,
                ["username"] = u.Username,
                ["owner"] = u.Owner,
                ["domain"] = main,
                ["package"] = u.PackageName is null ? null : new JsonObject { ["name"] = u.PackageName, ["owner"] = u.PackageOwner },
                ["email"] = u.Email,
                ["locale_code"] = u.LocaleCode,
            };
            var user = new JsonObject();
            foreach (var field in UserFields.Where(f => fields is null || fields.Contains(f)))
                user[field] = all[field];
            return user;
        }));

    public static JsonNode Domains(KnownPanel p, Func<DomainRow, bool>? filter = null, bool withPhp = false)
    {
        var result = new JsonObject();
        foreach (var d in p.Domains.Where(filter ?? (_ => true)).OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var domain = new JsonObject { ["owner"] = d.Owner, ["document_root"] = d.DocumentRoot, ["is_main"] = d.IsMain };
            if (withPhp)
                domain["php"] = DomainPhp(p, d);
            result[d.Name] = domain;
        }

        return result;
    }

    /// <summary>The php block: the domain's own version or the panel default, the handler likewise; fpm only for the fpm handler.</summary>
    public static JsonNode? DomainPhp(KnownPanel p, DomainRow d)
    {
        var php = p.PhpVersions.SingleOrDefault(v => v.Identifier == (d.PhpVersionId ?? p.DefaultPhp));
        if (php is null)
            return null;
        var handler = d.Handler ?? p.DefaultHandler;
        return new JsonObject
        {
            ["php_version_id"] = php.Identifier,
            ["version"] = php.Version.Replace(".", "", StringComparison.Ordinal),
            ["ini_path"] = php.IniScanDir,
            ["is_native"] = php.IsNative,
            ["fpm"] = handler == "fpm" ? php.FpmService : null,
            ["handler"] = handler,
        };
    }

    public static JsonNode Resellers(KnownPanel p, Func<ResellerRow, bool>? filter = null) => List(
        p.Resellers.Where(filter ?? (_ => true)).OrderBy(r => r.Name, StringComparer.Ordinal).Select(r => new JsonObject
        {
            ["name"] = r.Name,
            ["locale_code"] = r.LocaleCode,
            ["email"] = r.Email,
            ["id"] = r.ResellerId,
        }));

    public static JsonNode Admins(KnownPanel p, Func<AdminRow, bool>? filter = null) => List(
        p.Admins.Where(filter ?? (_ => true)).OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => new JsonObject
        {
            ["name"] = a.Name,
            ["unix_user"] = a.UnixUser,
            ["locale_code"] = a.LocaleCode,
            ["email"] = a.Email,
            ["is_main"] = a.IsMain,
        }));

    public static JsonNode Php(KnownPanel p) => List(
        p.PhpVersions.OrderBy(v => v.Identifier, StringComparer.Ordinal).Select(v => new JsonObject
        {
            ["identifier"] = v.Identifier,
            ["version"] = v.Version,
            ["modules_dir"] = v.ModulesDir,
            ["dir"] = v.Dir,
            ["bin"] = v.Bin,
            ["ini"] = v.Ini,
        }));

    private static JsonArray List(IEnumerable<JsonObject> items) => new([.. items]);
}
