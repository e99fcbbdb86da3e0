using System.CommandLine;
using Cpvendor.Panel;

namespace Cpvendor.Cli.Commands.Settings;

/// <summary><c>cpvendor settings panel [--name N] [--version V] [--login-url U | --no-login-url] [--default-php ID] [--default-handler H] [--host-name H]</c>.</summary>
internal static class PanelSettingsCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Panel name (panel_info name)" };
        var version = new Option<string>("--version") { Description = "Panel version (panel_info version)" };
        var url = new Option<string>("--login-url") { Description = "User login URL; may contain {domain}" };
        var noUrl = new Option<bool>("--no-login-url") { Description = "Report user_login_url as null" };
        var php = new Option<string>("--default-php") { Description = "PHP version of domains without their own" };
        var handler = new Option<string>("--default-handler") { Description = "fpm, cgi or lsapi" };
        var host = new Option<string>("--host-name") { Description = "The server's host name: the users domain of an administrator or reseller hosting no domain" };
        var command = new Command("panel", "Set the panel name, version, login URL and domain defaults.") { name, version, url, noUrl, php, handler, host };
        command.Validators.Add(r =>
        {
            if (r.GetValue(url) is not null && r.GetValue(noUrl))
                r.AddError("--login-url and --no-login-url exclude each other");
        });
        command.SetAction(r =>
        {
            if (r.GetValue(host) is { } hostName)
            {
                var hostResult = Lifecycle.Report(r, Lifecycle.Service().SetHostName(hostName));
                if (hostResult != 0 || (r.GetValue(name), r.GetValue(version), r.GetValue(url), r.GetValue(noUrl), r.GetValue(php), r.GetValue(handler)) == (null, null, null, false, null, null))
                    return hostResult;
            }

            return Lifecycle.Report(r, Lifecycle.Service().UpdatePanel(new PanelUpdate(
                r.GetValue(name), r.GetValue(version), r.GetValue(url), r.GetValue(noUrl), r.GetValue(php), r.GetValue(handler))));
        });
        return command;
    }
}
