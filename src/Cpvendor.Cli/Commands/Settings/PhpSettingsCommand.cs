using System.CommandLine;
using Cpvendor.Store.Model;

namespace Cpvendor.Cli.Commands.Settings;

/// <summary><c>cpvendor settings php add ID --version V --dir D [...]</c>, <c>settings php delete ID</c>.</summary>
internal static class PhpSettingsCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("ID") { Description = "Identifier, e.g. alt-php82" };
        var version = new Option<string>("--version") { Description = "Version with a dot, e.g. 8.2", Required = true };
        var dir = new Option<string>("--dir") { Description = "Installation folder, e.g. /opt/alt/php82", Required = true };
        var modules = new Option<string>("--modules-dir") { Description = "Default DIR/usr/lib64/php/modules" };
        var bin = new Option<string>("--bin") { Description = "Default DIR/usr/bin/php" };
        var ini = new Option<string>("--ini") { Description = "Default DIR/etc/php.ini" };
        var scan = new Option<string>("--ini-scan-dir") { Description = "Default DIR/etc/php.d" };
        var native = new Option<bool?>("--native") { Description = "Whether this is the system's native PHP" };
        var fpm = new Option<string>("--fpm-service") { Description = "FPM service name" };
        var add = new Command("add", "Add a PHP version.") { id, version, dir, modules, bin, ini, scan, native, fpm };
        add.SetAction(r =>
        {
            var d = r.GetValue(dir)!;
            return Lifecycle.Report(r, Lifecycle.Service().AddPhp(new PhpVersionRow(
                r.GetValue(id)!, r.GetValue(version)!, r.GetValue(modules) ?? d + "/usr/lib64/php/modules", d,
                r.GetValue(bin) ?? d + "/usr/bin/php", r.GetValue(ini) ?? d + "/etc/php.ini",
                r.GetValue(scan) ?? d + "/etc/php.d", r.GetValue(native), r.GetValue(fpm))));
        });

        return new Command("php", "PHP versions (the php script, domains' PHP).")
        {
            add,
            Lifecycle.Simple("delete", "Remove a PHP version no domain uses.", "ID", (s, n) => s.DeletePhp(n)),
        };
    }
}
