using System.Globalization;
using Cpvendor.Contract;
using Cpvendor.Core;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 4: integration.ini read the way CloudLinux's Python reads it (configparser,
/// interpolation on): both sections, every script, no <c>--with-php</c>, <c>service_port</c> a bare
/// integer when <c>run_service = 1</c>, certificate and key when <c>use_ssl = 1</c>.
/// </summary>
internal sealed class IntegrationIniParsesAsCloudLinuxReadsIt : Check
{
    private static readonly string[] OptionalScripts = ["db_info", "php"];

    public override string Name => "Integration ini parses as CloudLinux reads it";

    public override string Section => "4";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var (ini, problem) = host.Ini;
        if (ini is null)
        {
            yield return problem is not null && problem.EndsWith("does not exist", StringComparison.Ordinal)
                ? Error("integration.ini does not exist", problem, "run 'cpvendor install'")
                : Error("configparser rejects integration.ini", problem, "fix the line named in the error; 'cpvendor install' rewrites the file");
            yield break;
        }

        var found = 0;
        foreach (var section in new[] { "integration_scripts", "lvemanager_config" })
        {
            if (!ini.HasSection(section))
            {
                found++;
                yield return Error($"section [{section}] is missing", host.IniPath, "run 'cpvendor install'");
            }
        }

        if (ini.HasSection("integration_scripts"))
        {
            foreach (var grammar in Grammar.Scripts)
            {
                var (value, error) = ini.Get("integration_scripts", grammar.Script);
                if (value is null && error is not null && error.StartsWith("NoOptionError", StringComparison.Ordinal))
                {
                    if (OptionalScripts.Contains(grammar.Script))
                    {
                        yield return Info($"{grammar.Script} is not configured (optional)");
                    }
                    else
                    {
                        found++;
                        yield return Error($"script {grammar.Script} is not configured", host.IniPath, "run 'cpvendor install'");
                    }

                    continue;
                }

                if (error is not null)
                {
                    found++;
                    yield return Error($"{grammar.Script} cannot be read by configparser", error, "double every '%' that is meant literally ('%%')");
                }
                else if (value!.Contains("--with-php", StringComparison.Ordinal))
                {
                    found++;
                    yield return Error($"{grammar.Script} carries --with-php; CloudLinux adds it itself when it wants PHP details", value, "remove --with-php from the line");
                }
                else if (ShellWords.Split(value).Words is not { Count: > 0 })
                {
                    found++;
                    yield return Error($"{grammar.Script} is not a command line shlex can split", value, "fix the quoting");
                }
            }
        }

        if (ini.HasSection("lvemanager_config"))
        {
            foreach (var finding in LveManager(ini))
            {
                found++;
                yield return finding;
            }
        }

        if (found == 0)
            yield return Ok("both sections present; every script line reads and splits", host.IniPath);
    }

    private IEnumerable<Finding> LveManager(IIniView ini)
    {
        foreach (var option in ini.Options("lvemanager_config"))
        {
            if (ini.Get("lvemanager_config", option).Error is { } error)
                yield return Error($"{option} cannot be read by configparser", error, "double every '%' that is meant literally ('%%')");
        }

        string? Value(string option) => ini.Get("lvemanager_config", option).Value;
        if (Value("ui_user_info") is null)
            yield return Error("[lvemanager_config] has no ui_user_info", null, "run 'cpvendor install'");
        if (Value("run_service") == "1")
        {
            var port = Value("service_port");
            if (port is null)
                yield return Error("run_service = 1 but service_port is missing", null, "add 'service_port = 9000' (a bare integer)");
            else if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
                yield return Error("service_port must be a bare integer port", $"service_port = {port}", "write the port number alone, e.g. 'service_port = 9000'");
        }

        if (Value("use_ssl") == "1" && (Value("ssl_cert") is null || Value("ssl_key") is null))
            yield return Error("use_ssl = 1 needs ssl_cert and ssl_key", null, "add both paths or set use_ssl = 0");
    }
}
