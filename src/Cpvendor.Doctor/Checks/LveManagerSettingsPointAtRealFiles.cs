using System.Globalization;
using Cpvendor.Core.Native;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 4 and docs/lvemanager.md: what <c>[lvemanager_config]</c> names exists
/// and agrees with itself. <c>ui_user_info</c> is a program; <c>base_path</c>, when set, is a folder;
/// with <c>run_service = 1</c> the port is a TCP port and, with <c>use_ssl = 1</c>, the certificate and
/// key exist; <c>vendor_php</c>, which LVE Manager runs as root, exists and only root can change it.
/// </summary>
internal sealed class LveManagerSettingsPointAtRealFiles : Check
{
    private const string SectionName = "lvemanager_config";

    public override string Name => "LVE Manager settings point at real files";

    public override string Section => "4";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var (ini, problem) = host.Ini;
        if (ini is null || !ini.HasSection(SectionName))
        {
            yield return Unknown("integration.ini has no readable [lvemanager_config]", problem ?? host.IniPath, "rerun cpvendor install");
            yield break;
        }

        string? Value(string option) => ini.Options(SectionName).Contains(option) ? ini.Get(SectionName, option).Value?.Trim() : null;
        var errors = new List<string>();
        var warnings = new List<string>();
        var facts = new List<string>();

        var ui = Value("ui_user_info");
        var uiProgram = ui is null ? null : Core.ShellWords.Split(ui).Words is { Count: > 0 } words ? words[0] : null;
        if (uiProgram is null)
            errors.Add("ui_user_info is missing");
        else if (!File.Exists(Local(host, uiProgram)))
            errors.Add($"ui_user_info program {uiProgram} does not exist");
        else
            facts.Add($"ui_user_info {uiProgram}");

        if (Value("base_path") is { } basePath)
        {
            if (Directory.Exists(Local(host, basePath)))
                facts.Add($"base_path {basePath}");
            else
                warnings.Add($"base_path {basePath} is not a folder: LVE Manager has nowhere to copy its assets");
        }
        else
        {
            facts.Add("no base_path: the panel serves /usr/share/l.v.e-manager itself");
        }

        var runService = Value("run_service") == "1";
        var port = Value("service_port");
        var useSsl = Value("use_ssl") == "1";
        if (runService)
        {
            if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
                errors.Add($"run_service = 1 but service_port '{port}' is not a TCP port");
            else
                facts.Add($"LVE Manager's own server on port {p}{(useSsl ? " with TLS" : "")}");
            if (useSsl)
            {
                foreach (var key in new[] { "ssl_cert", "ssl_key" })
                {
                    if (Value(key) is not { } file)
                        errors.Add($"use_ssl = 1 but {key} is missing");
                    else if (!File.Exists(Local(host, file)))
                        errors.Add($"{key} {file} does not exist");
                }
            }
        }
        else if (useSsl)
        {
            warnings.Add("use_ssl = 1 without run_service = 1: there is no server to use TLS");
        }

        if (Value("vendor_php") is { } vendorPhp)
        {
            var path = Local(host, vendorPhp);
            var owner = Libc.Owner(path);
            if (owner is null)
                errors.Add($"vendor_php {vendorPhp} does not exist");
            else if (new FileInfo(path).LinkTarget is not null)
                errors.Add($"vendor_php {vendorPhp} is a link: name the file itself");
            else if ((owner.Value.Uid != 0 && host.IsRealRoot) || (owner.Value.Mode & (UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0)
                errors.Add($"vendor_php {vendorPhp} can be changed by others than root ({Format.ModeText(owner.Value.Mode)}, uid {owner.Value.Uid})");
            else
                facts.Add($"vendor_php {vendorPhp}");
        }

        var evidence = Sample(errors.Concat(warnings).Concat(facts), 8);
        if (errors.Count > 0)
            yield return Error("LVE Manager's settings name something that is not there", evidence, "cpvendor install --lvemanager-... with the right paths (docs/lvemanager.md)");
        else if (warnings.Count > 0)
            yield return Warning("LVE Manager's settings do not agree with each other", evidence, "cpvendor install --lvemanager-base-path DIR / --lvemanager-service none|http|https (docs/lvemanager.md)");
        else
            yield return Ok("LVE Manager's settings point at real files", evidence);
    }

    /// <summary>A path from the ini as it is found under the root (an install into a root already names the root).</summary>
    private static string Local(HostView host, string path) =>
        host.IsRealRoot || path.StartsWith(host.Root + "/", StringComparison.Ordinal) ? path : host.Under(path);
}
