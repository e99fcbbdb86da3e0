using Cpvendor.Doctor.Host;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 7 and the seed's "CloudLinux kernel set-up": with link traversal
/// protection on (<c>fs.protected_symlinks_create</c>, <c>fs.protected_hardlinks_create</c>), a user
/// may link only to their own files and to files of the <c>linksafe</c> group, which
/// <c>fs.protected_symlinks_allow_gid</c> and <c>fs.protected_hardlinks_allow_gid</c> must name (PHP
/// Selector links to its files that way). Panel files users must link to belong to that group.
/// </summary>
internal sealed class LinkTraversalProtectionAllowsLinksafe : Check
{
    private static readonly string[] AllowGidKeys = ["fs.protected_symlinks_allow_gid", "fs.protected_hardlinks_allow_gid"];

    public override string Name => "Link traversal protection allows the linksafe group";

    public override string Section => "7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var symlinks = SysctlValue.Read(host, "fs.protected_symlinks_create");
        var hardlinks = SysctlValue.Read(host, "fs.protected_hardlinks_create");
        if (symlinks.Running is null || hardlinks.Running is null)
        {
            yield return Unknown("the link traversal settings cannot be read (not a CloudLinux kernel?)", $"{symlinks.Evidence}; {hardlinks.Evidence}", "run the doctor on the CloudLinux host itself");
            yield break;
        }

        if (symlinks.Running == "0" && hardlinks.Running == "0")
        {
            yield return Info("link traversal protection is off (CloudLinux's default): users may link to any file they can read", $"{symlinks.Evidence}; {hardlinks.Evidence}");
            yield break;
        }

        if (!host.Accounts.Groups.TryGetValue("linksafe", out var linksafe))
        {
            yield return Warning("link traversal protection is on but there is no linksafe group: PHP Selector cannot link to its files", host.Under("/etc/group"), "groupadd -r linksafe, then set fs.protected_symlinks_allow_gid and fs.protected_hardlinks_allow_gid to its gid");
            yield break;
        }

        var allowed = AllowGidKeys.Select(k => SysctlValue.Read(host, k)).ToList();
        var evidence = string.Join("; ", allowed.Select(a => a.Evidence)) + $"; linksafe gid {linksafe.Gid}";
        var gid = Format.Id(linksafe.Gid);
        if (allowed.Any(a => a.Running is null))
            yield return Unknown("the allowed group of link traversal protection cannot be read", evidence, "run the doctor on the CloudLinux host itself");
        else if (allowed.Any(a => a.Running != gid))
            yield return Warning("link traversal protection does not allow the linksafe group: links to shared files fail", evidence, $"set both to {gid} in /etc/sysctl.d/cloudlinux-linksafe.conf and run sysctl --system");
        else if (allowed.Any(a => a.Drifts) || symlinks.Drifts || hardlinks.Drifts)
            yield return Warning("the setting is lost at the next boot", evidence, "make /etc/sysctl.d/ agree with the running values");
        else
            yield return Ok("link traversal protection is on and allows the linksafe group", evidence);
    }
}
