using Cpvendor.Doctor.Host;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 7 and the seed's "File system quotas": cagefsctl and selectorctl write
/// into a user's home on the user's behalf. On ext4 a process with CAP_SYS_RESOURCE is not held to
/// the quota; on XFS that needs <c>fs.xfs.cap_res_quota_disable = 1</c>, or those tools fail for a
/// user over quota.
/// </summary>
internal sealed class XfsQuotasLetCloudLinuxToolsWrite : Check
{
    public override string Name => "XFS quotas let CloudLinux tools write for users";

    public override string Section => "7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var mounts = host.Read("/proc/mounts");
        var setting = SysctlValue.Read(host, "fs.xfs.cap_res_quota_disable");
        if (mounts.Text is null)
        {
            yield return setting.Running == "1"
                ? Ok("quota checks are off for CAP_SYS_RESOURCE on XFS", setting.Evidence)
                : Unknown("the mounted file systems cannot be read", $"{mounts.Problem}; {setting.Evidence}", "run the doctor on the host itself");
            yield break;
        }

        var xfs = mounts.Text.Split('\n').Select(l => l.Split(' ')).Where(f => f.Length >= 3 && f[2] == "xfs").Select(f => f[1]).ToList();
        if (xfs.Count == 0)
        {
            yield return Info("no XFS file system is mounted; ext4 already exempts CAP_SYS_RESOURCE from quotas", mounts.Path);
            yield break;
        }

        var evidence = $"XFS on {Sample(xfs)}; {setting.Evidence}";
        if (setting.Running is null)
            yield return Unknown("fs.xfs.cap_res_quota_disable cannot be read (not a CloudLinux kernel?)", evidence, "run the doctor on the CloudLinux host itself");
        else if (setting.Running != "1")
            yield return Warning("on XFS, cagefsctl and selectorctl fail for a user over quota", evidence, "echo 1 > /proc/sys/fs/xfs/cap_res_quota_disable, and persist fs.xfs.cap_res_quota_disable = 1 in /etc/sysctl.d/");
        else if (setting.Drifts)
            yield return Warning("the setting is lost at the next boot", evidence, "make /etc/sysctl.d/ agree with the running value");
        else
            yield return Ok("quota checks are off for CAP_SYS_RESOURCE on XFS", evidence);
    }
}
