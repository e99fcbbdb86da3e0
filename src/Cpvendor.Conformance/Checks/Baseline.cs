using System.Text.Json;
using Cpvendor.Conformance.Running;

namespace Cpvendor.Conformance.Checks;

/// <summary>The unfiltered answers to root, fetched once each when a check first needs them.</summary>
internal sealed class Baseline
{
    private readonly Func<string, string[], CallResult?> call;
    private readonly Dictionary<string, BaselineAnswer> cache = new(StringComparer.Ordinal);

    public Baseline(Func<string, string[], CallResult?> call) => this.call = call;

    public BaselineAnswer PanelInfo => Get("panel_info", JsonValueKind.Object);

    public BaselineAnswer DbInfo => Get("db_info", JsonValueKind.Object);

    public BaselineAnswer Packages => Get("packages", JsonValueKind.Array);

    public BaselineAnswer Users => Get("users", JsonValueKind.Array);

    public BaselineAnswer Domains => Get("domains", JsonValueKind.Object);

    public BaselineAnswer DomainsWithPhp => Get("domains", JsonValueKind.Object, "--with-php");

    public BaselineAnswer Resellers => Get("resellers", JsonValueKind.Array);

    public BaselineAnswer Admins => Get("admins", JsonValueKind.Array);

    public BaselineAnswer Php => Get("php", JsonValueKind.Array);

    public IEnumerable<BaselineAnswer> All => [PanelInfo, DbInfo, Packages, Users, Domains, Resellers, Admins, Php];

    public IReadOnlyList<string> Usernames => Users.Items.Select(u => Json.Str(u, "username")).OfType<string>().ToList();

    public IReadOnlyList<string> AdminNames => Admins.Items.Select(a => Json.Str(a, "name")).OfType<string>().ToList();

    public IReadOnlyList<string> ResellerNames => Resellers.Items.Select(r => Json.Str(r, "name")).OfType<string>().ToList();

    /// <summary>Everyone who may own packages and users: administrators and resellers.</summary>
    public IReadOnlyList<string> Owners => AdminNames.Concat(ResellerNames).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>Panel usernames whose UNIX id is <paramref name="uid"/>.</summary>
    public IReadOnlyList<string> UsernamesOf(uint uid) =>
        Users.Items.Where(u => Json.Long(u, "id") == uid).Select(u => Json.Str(u, "username")).OfType<string>().ToList();

    private BaselineAnswer Get(string script, JsonValueKind kind, params string[] args)
    {
        var key = script + " " + string.Join(' ', args);
        if (!cache.TryGetValue(key, out var answer))
        {
            answer = BaselineAnswer.From(script, call(script, args), kind);
            cache[key] = answer;
        }

        return answer;
    }
}
