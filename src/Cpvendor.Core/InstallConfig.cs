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

    /// <summary>The panel's own system accounts: kept out of CageFS (docs/contract.md section 7).</summary>
    public IReadOnlyList<string> SystemUsers { get; init; } = [];
    /// <summary>Root-only folder of ui_user_info tokens (stored as hashes).</summary>
    public required string UiTokenDir { get; init; }

    /// <summary>Where hook commands and their output are logged (root only).</summary>
    public required string HookLog { get; init; }

    /// <summary>How long one hook may run before it is killed and retried later.</summary>
    public int HookTimeoutSeconds { get; init; } = 60;

    /// <summary>The flag the admin hooks take for the admin's name (docs/contract.md section 5: <c>--name</c>).</summary>
    public string AdminHookFlag { get; init; } = "--name";

    /// <summary>Whether several accounts may share one UNIX id (then CageFS must be told so).</summary>
    public bool AllowDuplicateUids { get; init; }

    /// <summary>The lowest reseller id and highest regular uid comes from this file (UID_MAX).</summary>
    public string LoginDefs => InstallLayout.Under(Root, "etc/login.defs");

    /// <summary>
    /// The one clock of token expiry, hook backoff and timestamps. Not read from the file: tests give
    /// a manual clock to check expiry and backoff without waiting.
    /// </summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    public string UiBaseUri { get; init; } = "/lvemanager/";

    public string UiAssetsUri { get; init; } = "/lvemanager/assets/";

    public string PublicDir => Path.Combine(DataDir, "public");

    public string UsersDir => Path.Combine(DataDir, "users");

    public string PanelInfoFile => Path.Combine(PublicDir, "panel_info.json");

    /// <summary>How the name of a uid's file in <see cref="UsersDir"/> ends.</summary>
    public const string UserFileExtension = ".user";

    /// <summary>The one file of a uid's data and pre-rendered answers (Prerendered's <c>AccountFile</c>).</summary>
    public string UserFile(uint uid) => Path.Combine(UsersDir, uid.ToString(CultureInfo.InvariantCulture) + UserFileExtension);

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
        UiTokenDir = InstallLayout.Under(root, "opt/cpvendor/var/ui-tokens"),
        HookLog = InstallLayout.Under(root, "var/log/cpvendor/hooks.log"),
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
        var root = Required("root");
        string Optional(string key, string fallback) => values.TryGetValue(key, out var v) && v.Length > 0 ? v : fallback;
        var timeout = Optional("hook_timeout", "60");
        if (!int.TryParse(timeout, NumberStyles.None, CultureInfo.InvariantCulture, out var timeoutSeconds) || timeoutSeconds < 1)
            throw CpvendorException.BadConfig(source, "'hook_timeout' must be a whole number of seconds, 1 or more");
        var adminFlag = Optional("admin_hook_flag", "--name");
        if (adminFlag is not ("--name" or "--username"))
            throw CpvendorException.BadConfig(source, "'admin_hook_flag' must be --name or --username");
        var duplicates = Optional("allow_duplicate_uids", "false") switch
        {
            "true" => true,
            "false" => false,
            _ => throw CpvendorException.BadConfig(source, "'allow_duplicate_uids' must be true or false"),
        };
        return new InstallConfig
        {
            Root = root,
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
            UiTokenDir = Optional("ui_tokens", InstallLayout.Under(root, "opt/cpvendor/var/ui-tokens")),
            HookLog = Optional("hook_log", InstallLayout.Under(root, "var/log/cpvendor/hooks.log")),
            HookTimeoutSeconds = timeoutSeconds,
            AdminHookFlag = adminFlag,
            AllowDuplicateUids = duplicates,
            UiBaseUri = Optional("ui_base_uri", "/lvemanager/"),
            UiAssetsUri = Optional("ui_assets_uri", "/lvemanager/assets/"),
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
        Line("ui_tokens", UiTokenDir);
        Line("hook_log", HookLog);
        Line("hook_timeout", HookTimeoutSeconds.ToString(CultureInfo.InvariantCulture));
        Line("admin_hook_flag", AdminHookFlag);
        Line("allow_duplicate_uids", AllowDuplicateUids ? "true" : "false");
        Line("ui_base_uri", UiBaseUri);
        Line("ui_assets_uri", UiAssetsUri);
        return sb.ToString();
    }
}
