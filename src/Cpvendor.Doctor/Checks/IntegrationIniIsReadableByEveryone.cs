using Cpvendor.Core.Native;

namespace Cpvendor.Doctor.Checks;

/// <summary>docs/contract.md section 1: every UNIX user reads integration.ini (0644 root:root, folders searchable).</summary>
internal sealed class IntegrationIniIsReadableByEveryone : Check
{
    public override string Name => "Integration ini is readable by everyone";

    public override string Section => "1, 4";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var path = host.IniPath;
        if (Libc.Owner(path) is not { } status)
        {
            yield return Error("integration.ini does not exist", path, "run 'cpvendor install'");
            yield break;
        }

        if (!status.Mode.HasFlag(UnixFileMode.OtherRead) || status.Uid != 0 || status.Mode.HasFlag(UnixFileMode.OtherWrite) || status.Mode.HasFlag(UnixFileMode.GroupWrite))
        {
            yield return Error("integration.ini must be 0644 root:root", $"{path} is {Format.ModeText(status.Mode)} {status.Uid}:{status.Gid}", $"chown root:root {path} && chmod 0644 {path}");
            yield break;
        }

        for (var dir = Path.GetDirectoryName(path); dir is not null && dir.Length > 0; dir = Path.GetDirectoryName(dir))
        {
            if (Libc.Owner(dir) is { } d && !d.Mode.HasFlag(UnixFileMode.OtherExecute))
            {
                yield return Error("a folder above integration.ini is not searchable by other users", $"{dir} is {Format.ModeText(d.Mode)}", $"chmod o+x {dir}");
                yield break;
            }

            if (dir == "/")
                break;
        }

        yield return Ok("integration.ini is 0644 root:root in searchable folders", path);
    }
}
