using System.Globalization;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// Which uids have a private group is read from the whole account database once and kept beside
/// the store with the database's version (docs/security.md, "answer files"): real UNIX users and
/// groups, the published binary. A group made after the map was kept still turns the gid shared
/// for the next publish; a database source whose changes cannot be seen from files keeps no map.
/// </summary>
public sealed class PrivateGroupCacheTests
{
    [Fact]
    public void A_group_sharing_the_gid_made_after_the_map_was_kept_still_takes_the_file_off_the_group()
    {
        using var unix = new UnixUsers();
        var victim = unix.Create("pgvic");
        using var install = TempInstall.Create(users: 3);
        install.Checked("user", "add", victim.Name, "--owner", "admin", "--domain", $"pgdom-{victim.Name}.example", "--uid", victim.Uid.ToString(CultureInfo.InvariantCulture));
        var file = install.KeyFile(victim.Uid);
        Assert.Equal($"0 {victim.Gid.ToString(CultureInfo.InvariantCulture)} 440", Stat(file));
        // The map was kept, with the victim's private group in it.
        var cache = install.Store + ".private-groups";
        Assert.Equal("0 0 600", Stat(cache));
        Assert.Equal(victim.Gid, Pairs(File.ReadAllBytes(cache))[victim.Uid]);

        var twin = unix.CreateGroup("pgtwin", victim.Gid);
        var member = unix.Create("pgmem", null, twin);
        install.Checked("publish");

        Assert.Equal("0 0 440", Stat(file));
        Assert.NotEqual(0, Run.Program("/usr/bin/python3", ["-c", SharedPrivateGidTests.KeyReader, file], member).ExitCode);
        Assert.Equal(0, Run.Program("/usr/bin/python3", ["-c", SharedPrivateGidTests.KeyReader, file], victim).ExitCode);
    }

    [Fact]
    public void A_database_source_that_files_cannot_show_changing_keeps_no_map_and_a_kept_one_is_not_used()
    {
        using var unix = new UnixUsers();
        var user = unix.Create("pgldap");
        using var install = TempInstall.Create(users: 3);
        var cache = install.Store + ".private-groups";
        install.Checked("user", "add", user.Name, "--owner", "admin", "--domain", $"pgdom-{user.Name}.example", "--uid", user.Uid.ToString(CultureInfo.InvariantCulture));
        Assert.True(File.Exists(cache));
        var kept = File.ReadAllBytes(cache);

        // The same host, but passwd and group also come from a directory service.
        var nsswitch = Path.Combine(install.Dir, "nsswitch.conf");
        File.WriteAllText(nsswitch, "passwd: files ldap\ngroup: files ldap\nshadow: files\nhosts: files\n");
        unix.CreateGroup("pgtwl", user.Gid);
        var script = $"mount --bind {nsswitch} /etc/nsswitch.conf && exec {install.Binary} publish";
        var run = Run.Program("/usr/bin/unshare", ["-m", "/bin/sh", "-c", script]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(kept, File.ReadAllBytes(cache));
        Assert.Equal("0 0 440", Stat(install.KeyFile(user.Uid)));
    }

    private static string Stat(string path) => Run.Checked("/usr/bin/stat", "-c", "%u %g %a", path).Trim();

    /// <summary>The uid to gid pairs of a kept map: magic, version length and bytes, count, then the pairs.</summary>
    private static Dictionary<uint, uint> Pairs(byte[] map)
    {
        var at = 8 + 4 + (int)BitConverter.ToUInt32(map, 8);
        var count = (int)BitConverter.ToUInt32(map, at);
        return Enumerable.Range(0, count).ToDictionary(i => BitConverter.ToUInt32(map, at + 4 + (i * 8)), i => BitConverter.ToUInt32(map, at + 8 + (i * 8)));
    }
}
