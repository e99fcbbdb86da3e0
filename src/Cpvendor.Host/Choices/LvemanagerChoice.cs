using Cpvendor.Core;

namespace Cpvendor.Host.Choices;

/// <summary>Whether LVE Manager runs its own web server, and how (docs/contract.md section 4: run_service, use_ssl).</summary>
public enum LvemanagerService
{
    /// <summary><c>run_service = 0</c>: LVE Manager is reached only through the panel.</summary>
    None,

    /// <summary><c>run_service = 1</c> with <c>service_port</c>.</summary>
    Http,

    /// <summary><c>run_service = 1</c>, <c>use_ssl = 1</c>, with the certificate and key.</summary>
    Https,
}

/// <summary>
/// The panel's side of the LVE Manager embedding that install writes into integration.ini's
/// <c>[lvemanager_config]</c> (docs/contract.md section 4; docs/lvemanager.md): where the assets are
/// copied (<c>base_path</c>, null for cpvendor's own folder), LVE Manager's own web server, and the
/// optional <c>vendor_php</c> file.
/// </summary>
public sealed record LvemanagerChoice(string? BasePath = null, LvemanagerService Service = LvemanagerService.Http, string? SslCert = null, string? SslKey = null, string? VendorPhp = null)
{
    public static LvemanagerService ParseService(string value) => value switch
    {
        "none" => LvemanagerService.None,
        "http" => LvemanagerService.Http,
        "https" => LvemanagerService.Https,
        _ => throw CpvendorException.Invalid($"unknown --lvemanager-service '{value}': use none, http or https"),
    };

    public static string ServiceName(LvemanagerService service) => service switch
    {
        LvemanagerService.None => "none",
        LvemanagerService.Https => "https",
        _ => "http",
    };

    /// <summary>Rejects impossible combinations before anything is written.</summary>
    public void Validate()
    {
        foreach (var (path, flag) in new[] { (BasePath, "--lvemanager-base-path"), (SslCert, "--lvemanager-ssl-cert"), (SslKey, "--lvemanager-ssl-key"), (VendorPhp, "--lvemanager-vendor-php") })
        {
            if (path is not null && (!path.StartsWith('/') || path.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) || path.Split('/').Any(p => p is "." or "..")))
                throw CpvendorException.Invalid($"{flag} needs an absolute path without spaces, control characters or '..'");
        }

        if (Service == LvemanagerService.Https && (SslCert is null || SslKey is null))
            throw CpvendorException.Invalid("--lvemanager-service https needs --lvemanager-ssl-cert and --lvemanager-ssl-key");
        if (Service != LvemanagerService.Https && (SslCert is not null || SslKey is not null))
            throw CpvendorException.Invalid("--lvemanager-ssl-cert and --lvemanager-ssl-key go with --lvemanager-service https");
        if (VendorPhp is not null && !VendorPhp.EndsWith(".php", StringComparison.Ordinal))
            throw CpvendorException.Invalid("--lvemanager-vendor-php names a PHP file (ending in .php)");
    }
}
