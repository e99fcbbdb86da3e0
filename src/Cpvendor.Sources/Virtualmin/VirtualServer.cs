using System.Globalization;

namespace Cpvendor.Sources.Virtualmin;

/// <summary>
/// One <c>domains/ID</c> file of Virtualmin, reduced to the keys the mapping uses
/// (docs/panels/virtualmin.md, "The domain file"). Values are kept as Virtualmin wrote them;
/// a key that is absent reads as the empty string, as it does for Virtualmin.
/// </summary>
internal sealed record VirtualServer(IReadOnlyDictionary<string, string> Keys, string FileName)
{
    /// <summary>The stable id: the file's <c>id</c> key, or its name when the key is missing (Virtualmin does the same).</summary>
    public string Id => Get("id") is { Length: > 0 } id ? id : FileName;

    public string Dom => Get("dom");

    public string User => Get("user");

    public string Home => Get("home");

    public string Parent => Get("parent");

    public string Alias => Get("alias");

    public string Subdom => Get("subdom");

    public string Plan => Get("plan");

    public bool IsTopLevel => Parent.Length == 0;

    /// <summary>A top-level server has a UNIX user unless its file says <c>unix=0</c> (Virtualmin's own default).</summary>
    public bool HasUnixUser => IsTopLevel && Get("unix") != "0" && User.Length > 0;

    /// <summary>The first name of the space-separated <c>reseller</c> list, or null.</summary>
    public string? Reseller => Get("reseller").Split(' ', '\t', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();

    public string? Email => Get("email") is { Length: > 0 } e ? e : null;

    public bool HasMySql => Get("mysql") == "1";

    public string MySqlUser => Get("mysql_user");

    public long? Uid => long.TryParse(Get("uid"), NumberStyles.None, CultureInfo.InvariantCulture, out var uid) ? uid : null;

    public string Get(string key) => Keys.TryGetValue(key, out var value) ? value : "";
}
