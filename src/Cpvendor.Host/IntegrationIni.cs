using System.Text;
using Cpvendor.Contract;
using Cpvendor.Core;

namespace Cpvendor.Host;

/// <summary>
/// Renders <c>/opt/cpvendor/etc/integration.ini</c> (docs/contract.md section 4): one line per script, each a
/// command line CloudLinux splits like a shell and appends its own arguments to; never
/// <c>--with-php</c>; <c>%</c> doubled because CloudLinux reads the file with interpolation on.
/// <paramref name="ScriptRunner"/> replaces the binary on script lines (the privileged wrapper, or
/// the small cpapi binary, which takes the script name without the <c>cpapi</c> word:
/// <paramref name="ScriptRunnerTakesCpapi"/> false).
/// </summary>
public sealed record IntegrationIni(string Binary, string BasePath, bool RunService = true, int ServicePort = 9000, string? ScriptRunner = null, bool ScriptRunnerTakesCpapi = true)
{
    /// <summary><c>use_ssl = 1</c> with these two files; null for plain http.</summary>
    public (string Cert, string Key)? Ssl { get; init; }

    /// <summary>A PHP file LVE Manager runs before its plugin starts; null for none.</summary>
    public string? VendorPhp { get; init; }

    public string Render()
    {
        var sb = new StringBuilder();
        sb.Append("; CloudLinux OS control panel integration, written by 'cpvendor install'.\n");
        sb.Append("; Every script is the cpvendor binary; CloudLinux appends its arguments after these.\n");
        sb.Append("[integration_scripts]\n");
        foreach (var grammar in Grammar.Scripts)
            sb.Append(grammar.Script).Append(" = ").Append(Escape(ShellWords.Join(ScriptLine(grammar.Script)))).Append('\n');
        sb.Append('\n');
        sb.Append("[lvemanager_config]\n");
        sb.Append("ui_user_info = ").Append(Escape(ShellWords.Join([Binary, "ui-user-info"]))).Append('\n');
        sb.Append("base_path = ").Append(Escape(BasePath)).Append('\n');
        sb.Append("run_service = ").Append(RunService ? '1' : '0').Append('\n');
        if (RunService)
            sb.Append("service_port = ").Append(ServicePort).Append('\n');
        if (RunService && Ssl is { } ssl)
        {
            sb.Append("use_ssl = 1\n");
            sb.Append("ssl_cert = ").Append(Escape(ssl.Cert)).Append('\n');
            sb.Append("ssl_key = ").Append(Escape(ssl.Key)).Append('\n');
        }

        if (VendorPhp is not null)
            sb.Append("vendor_php = ").Append(Escape(VendorPhp)).Append('\n');
        return sb.ToString();
    }

    private string[] ScriptLine(string script) =>
        ScriptRunner is null ? [Binary, "cpapi", script]
        : ScriptRunnerTakesCpapi ? [ScriptRunner, "cpapi", script]
        : [ScriptRunner, script];

    /// <summary>configparser's BasicInterpolation reads <c>%%</c> as a literal percent sign.</summary>
    private static string Escape(string value) => value.Replace("%", "%%", StringComparison.Ordinal);
}
