using System.Text.Json.Serialization;

namespace Cpvendor.Host.Choices;

/// <summary>
/// The options of one install, each one either given (a value) or not (null). The effective options
/// of an install are kept in its manifest as a whole set, so that every later install (the RPM's
/// scriptlet or by hand) starts from how the host was set up, option by option, and only an option
/// given again, its negation included (<c>--privileged=none</c>), changes it (docs/contract.md
/// section 7: the host side is set up once and stays so).
/// </summary>
public sealed record InstallChoices
{
    [JsonPropertyName("admin_group")]
    public string? AdminGroup { get; init; }

    /// <summary><c>none</c> or <c>sudo</c>.</summary>
    [JsonPropertyName("privileged")]
    public string? Privileged { get; init; }

    [JsonPropertyName("system_users")]
    public IReadOnlyList<string>? SystemUsers { get; init; }

    [JsonPropertyName("cagefs_personal_mounts")]
    public IReadOnlyList<string>? PersonalMounts { get; init; }

    [JsonPropertyName("service_port")]
    public int? ServicePort { get; init; }

    [JsonPropertyName("admin_hook_flag")]
    public string? AdminHookFlag { get; init; }

    [JsonPropertyName("hook_timeout")]
    public int? HookTimeoutSeconds { get; init; }

    [JsonPropertyName("allow_duplicate_uids")]
    public bool? AllowDuplicateUids { get; init; }

    [JsonPropertyName("lvemanager_base_path")]
    public string? LvemanagerBasePath { get; init; }

    /// <summary><c>none</c>, <c>http</c> or <c>https</c>: LVE Manager's own web server.</summary>
    [JsonPropertyName("lvemanager_service")]
    public string? LvemanagerService { get; init; }

    [JsonPropertyName("lvemanager_ssl_cert")]
    public string? LvemanagerSslCert { get; init; }

    [JsonPropertyName("lvemanager_ssl_key")]
    public string? LvemanagerSslKey { get; init; }

    [JsonPropertyName("lvemanager_vendor_php")]
    public string? LvemanagerVendorPhp { get; init; }

    /// <summary>Virtualmin's module folder; <c>""</c> when the Virtualmin set-up was turned off.</summary>
    [JsonPropertyName("virtualmin_config_dir")]
    public string? VirtualminConfigDir { get; init; }

    /// <summary>These choices where given, the recorded ones everywhere else.</summary>
    public InstallChoices Over(InstallChoices recorded)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        // A service given again without TLS takes the recorded certificate and key with it.
        var keepTls = LvemanagerService is null or "https";
        return new InstallChoices
        {
            AdminGroup = AdminGroup ?? recorded.AdminGroup,
            Privileged = Privileged ?? recorded.Privileged,
            SystemUsers = SystemUsers ?? recorded.SystemUsers,
            PersonalMounts = PersonalMounts ?? recorded.PersonalMounts,
            ServicePort = ServicePort ?? recorded.ServicePort,
            AdminHookFlag = AdminHookFlag ?? recorded.AdminHookFlag,
            HookTimeoutSeconds = HookTimeoutSeconds ?? recorded.HookTimeoutSeconds,
            AllowDuplicateUids = AllowDuplicateUids ?? recorded.AllowDuplicateUids,
            LvemanagerBasePath = LvemanagerBasePath ?? recorded.LvemanagerBasePath,
            LvemanagerService = LvemanagerService ?? recorded.LvemanagerService,
            LvemanagerSslCert = LvemanagerSslCert ?? (keepTls ? recorded.LvemanagerSslCert : null),
            LvemanagerSslKey = LvemanagerSslKey ?? (keepTls ? recorded.LvemanagerSslKey : null),
            LvemanagerVendorPhp = LvemanagerVendorPhp ?? recorded.LvemanagerVendorPhp,
            VirtualminConfigDir = VirtualminConfigDir ?? recorded.VirtualminConfigDir,
        };
    }

    /// <summary>The options of an install with these choices, the defaults where nothing was chosen.</summary>
    public InstallOptions ToOptions(string root, string store, string? binary)
    {
        var defaults = new InstallOptions(root, store);
        return new InstallOptions(root, store, AdminGroup ?? defaults.AdminGroup, binary)
        {
            Privileged = Privileged switch
            {
                null or "none" => PrivilegedMode.None,
                "sudo" => PrivilegedMode.Sudo,
                var other => throw Core.CpvendorException.Invalid($"unknown privileged mode '{other}': use none or sudo"),
            },
            SystemUsers = SystemUsers ?? defaults.SystemUsers,
            PersonalMounts = PersonalMounts ?? defaults.PersonalMounts,
            ServicePort = ServicePort ?? defaults.ServicePort,
            AdminHookFlag = AdminHookFlag ?? defaults.AdminHookFlag,
            HookTimeout = HookTimeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : defaults.HookTimeout,
            AllowDuplicateUids = AllowDuplicateUids ?? defaults.AllowDuplicateUids,
            Lvemanager = new LvemanagerChoice(
                LvemanagerBasePath,
                LvemanagerService is null ? defaults.Lvemanager.Service : LvemanagerChoice.ParseService(LvemanagerService),
                LvemanagerSslCert,
                LvemanagerSslKey,
                LvemanagerVendorPhp),
            VirtualminConfigDir = string.IsNullOrEmpty(VirtualminConfigDir) ? null : VirtualminConfigDir,
        };
    }

    /// <summary>Every option of an install, as it is recorded in the manifest.</summary>
    public static InstallChoices Of(InstallOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new InstallChoices
        {
            AdminGroup = options.AdminGroup,
            Privileged = options.Privileged == PrivilegedMode.Sudo ? "sudo" : "none",
            SystemUsers = options.SystemUsers,
            PersonalMounts = options.PersonalMounts,
            ServicePort = options.ServicePort,
            AdminHookFlag = options.AdminHookFlag,
            HookTimeoutSeconds = (int)options.HookTimeout.TotalSeconds,
            AllowDuplicateUids = options.AllowDuplicateUids,
            LvemanagerBasePath = options.Lvemanager.BasePath,
            LvemanagerService = LvemanagerChoice.ServiceName(options.Lvemanager.Service),
            LvemanagerSslCert = options.Lvemanager.SslCert,
            LvemanagerSslKey = options.Lvemanager.SslKey,
            LvemanagerVendorPhp = options.Lvemanager.VendorPhp,
            VirtualminConfigDir = options.VirtualminConfigDir ?? "",
        };
    }
}
