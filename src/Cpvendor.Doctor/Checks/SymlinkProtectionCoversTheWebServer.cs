namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 7: <c>fs.enforce_symlinksifowner</c> stops the web server from following a
/// user's symlink to someone else's file, for the group named by <c>fs.symlinkown_gid</c>, which
/// must be the web server's group.
/// </summary>
internal sealed class SymlinkProtectionCoversTheWebServer : Check
{
    private static readonly string[] WebGroups = ["apache", "httpd", "www-data", "nginx", "lsadm", "nobody"];

    public override string Name => "Symlink protection covers the web server";

    public override string Section => "7";

    public override IEnumerable<Finding> Run(HostView host)
    {
        var enforce = SysctlValue.Read(host, "fs.enforce_symlinksifowner");
        var gid = SysctlValue.Read(host, "fs.symlinkown_gid");
        if (enforce.Running is null || gid.Running is null)
        {
            yield return Unknown("the symlink protection settings cannot be read (not a CloudLinux kernel?)", $"{enforce.Evidence}; {gid.Evidence}", "run the doctor on the CloudLinux host itself");
            yield break;
        }

        if (enforce.Running == "0")
        {
            yield return Warning("symlink protection is off: a user's symlink can expose another user's files through the web server", enforce.Evidence, "sysctl -w fs.enforce_symlinksifowner=1 and persist it in /etc/sysctl.d/");
            yield break;
        }

        if (enforce.Drifts || gid.Drifts)
            yield return Warning("the setting is lost at the next boot", $"{enforce.Evidence}; {gid.Evidence}", "make /etc/sysctl.d/ agree with the running values");

        var web = WebGroups.Select(name => (Name: name, Found: host.Accounts.Groups.TryGetValue(name, out var g), g.Gid)).FirstOrDefault(w => w.Found);
        if (!web.Found)
        {
            yield return Unknown("the web server's group cannot be found", $"none of {string.Join(", ", WebGroups)} in {host.Under("/etc/group")}", "compare fs.symlinkown_gid with the group your web server runs as");
            yield break;
        }

        yield return gid.Running == Format.Id(web.Gid)
            ? Ok($"symlink protection is on for the web server's group {web.Name}", $"{enforce.Evidence}; {gid.Evidence}")
            : Warning($"fs.symlinkown_gid is not the web server's group {web.Name} ({web.Gid})", gid.Evidence, $"sysctl -w fs.symlinkown_gid={web.Gid} and persist it in /etc/sysctl.d/");
    }
}
