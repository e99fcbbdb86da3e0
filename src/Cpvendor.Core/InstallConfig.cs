using System.Globalization;
using System.Text;

namespace Cpvendor.Core;

/// <summary>
/// The settings of one installation, parsed once from <c>etc/cpvendor.conf</c> beside the installed
/// binary. Immutable; every path is absolute and already includes the install root.
/// </summary>
public sealed record InstallConfig
{
    public const string FileName = "cpvendor.conf";

    /// <summary>The folder standing for <c>/</c>: <c>/</c> on a real host, a throw-away folder in tests.</summary>
    public required string Root { get; init; }

    /// <summary>The panel store (SQLite).</summary>
    public required string Store { get; init; }

    /// <summary>Root-only file holding the db_info credential.</summary>
    public required string DbSecret { get; init; }

    /// <summary>Where published answers live (public panel_info, per-user files).</summary>
    public required string DataDir { get; init; }

    /// <summary>The group whose members are panel administrators or trusted service accounts.</summary>
    public required string AdminGroup { get; init; }

    /// <summary>The numeric id of <see cref="AdminGroup"/> when installed; null when it could not be created.</summary>
    public uint? AdminGid { get; init; }

    public IdentityMode Identity { get; init; } = IdentityMode.Kernel;

    public required string HooksDir { get; init; }

    public required string GovernorMap { get; init; }

    /// <summary>The panel's own system accounts: kept out of CageFS (CONTRACT.md section 7).</summary>
    public IReadOnlyList<string> SystemUsers { get; init; } = [];

    public string PublicDir => Path.Combine(DataDir, "public");

    public string UsersDir => Path.Combine(DataDir, "users");

    public string PanelInfoFile => Path.Combine(PublicDir, "panel_info.json");

    public string UserFile(uint uid) => Path.Combine(UsersDir, uid.ToString(CultureInfo.InvariantCulture) + ".json");

    /// <summary>Applies the conventional paths below an install root.</summary>
    public static InstallConfig ForRoot(string root, string store, string adminGroup = "cpvendor") => new()
    {
        Root = root,
        Store = store,
        DbSecret = StoreSecretPath(store),
        DataDir = InstallLayout.Under(root, "opt/cpvendor/var"),
        AdminGroup = adminGroup,
        HooksDir = InstallLayout.Under(root, "usr/share/cloudlinux/hooks"),
        GovernorMap = InstallLayout.Under(root, "etc/container/dbuser-map"),
    };

    /// <summary>The credential file that goes with a store: <c>FILE.secret</c>, mode 0600.</summary>
    public static string StoreSecretPath(string store) => store + ".secret";

    public static InstallConfig Parse(string text, string source)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#')
                continue;
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
                throw CpvendorException.BadConfig(source, $"line {lineNumber} is not 'key = value'");
            values[line[..eq].Trim()] = line[(eq + 1)..].Trim();
        }

        string Required(string key) => values.TryGetValue(key, out var v) && v.Length > 0
            ? v
            : throw CpvendorException.BadConfig(source, $"'{key}' is missing");

        uint? gid = values.TryGetValue("admin_gid", out var g) && g.Length > 0
            ? uint.TryParse(g, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw CpvendorException.BadConfig(source, "'admin_gid' is not a number")
            : null;
        var identity = values.GetValueOrDefault("identity", "kernel") switch
        {
            "kernel" => IdentityMode.Kernel,
            "privileged" => IdentityMode.Privileged,
            var other => throw CpvendorException.BadConfig(source, $"'identity' is '{other}', expected kernel or privileged"),
        };
        return new InstallConfig
        {
            Root = Required("root"),
            Store = Required("store"),
            DbSecret = Required("db_secret"),
            DataDir = Required("data_dir"),
            AdminGroup = Required("admin_group"),
            AdminGid = gid,
            Identity = identity,
            HooksDir = Required("hooks_dir"),
            GovernorMap = Required("governor_map"),
            SystemUsers = values.GetValueOrDefault("system_users", "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        };
    }

    public string Render()
    {
        var sb = new StringBuilder();
        sb.Append("# cpvendor installation settings; written by 'cpvendor install'.\n");
        sb.Append("# Read by the installed binary from ../etc beside itself; never from the environment.\n");
        void Line(string key, string value) => sb.Append(key).Append(" = ").Append(value).Append('\n');
        Line("root", Root);
        Line("store", Store);
        Line("db_secret", DbSecret);
        Line("data_dir", DataDir);
        Line("admin_group", AdminGroup);
        Line("admin_gid", AdminGid?.ToString(CultureInfo.InvariantCulture) ?? "");
        Line("identity", Identity == IdentityMode.Kernel ? "kernel" : "privileged");
        Line("hooks_dir", HooksDir);
        Line("governor_map", GovernorMap);
        Line("system_users", string.Join(',', SystemUsers));
        return sb.ToString();
    }
}
