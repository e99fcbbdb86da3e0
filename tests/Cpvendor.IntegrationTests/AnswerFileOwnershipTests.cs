using System.Globalization;
using System.Text;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Prerendered.Sealing;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// docs/security.md, "answer files": an end user reads their own key (or answer file) but can never
/// change it, since root in privileged mode and the CloudLinux tools that run for that user read it
/// too. Hosts with user private groups get 0440 root:GROUP; others get 0440 root:root with an ACL
/// entry for the uid; where neither exists (nor attributes for keys) the file stays the user's and
/// the doctor says so.
/// </summary>
public sealed class AnswerFileOwnershipTests
{
    [Fact]
    public void With_a_user_private_group_the_file_is_root_s_and_read_through_that_group()
    {
        using var unix = new UnixUsers();
        var user = unix.Create("rmupg");
        using var install = Installed(user);
        var file = install.KeyFile(user.Uid);

        Assert.Equal($"0 {user.Gid.ToString(CultureInfo.InvariantCulture)} 440", Run.Checked("/usr/bin/stat", "-c", "%u %g %a", file).Trim());
        AssertReadableNotWritable(install, user, file);
    }

    [Fact]
    public void Without_a_private_group_the_file_is_root_s_and_read_through_an_acl_entry()
    {
        using var unix = new UnixUsers();
        var shared = unix.CreateGroup("rmshr");
        var user = CreateInGroup(unix, "rmacl", shared);
        var neighbour = CreateInGroup(unix, "rmnbr", shared);
        using var install = Installed(user);
        var file = install.KeyFile(user.Uid);

        Assert.Equal("0 0 440", Run.Checked("/usr/bin/stat", "-c", "%u %g %a", file).Trim());
        AssertReadableNotWritable(install, user, file);
        Assert.Equal(SealedBucket.KeyLength, ReadKey(file, user).Length);
        var peek = Run.Program("/usr/bin/python3", ["-c", KeyReader, file], neighbour);
        Assert.NotEqual(0, peek.ExitCode);
        Assert.Contains("Permission denied", peek.Stderr);
    }

    [Fact]
    public void Where_neither_exists_the_doctor_reports_files_their_users_can_rewrite()
    {
        using var unix = new UnixUsers();
        var shared = unix.CreateGroup("rmnone");
        var user = CreateInGroup(unix, "rmnone", shared);
        using var install = Installed(user);
        // ramfs keeps no extended attributes, so no ACL can be set on it.
        Run.Checked("/usr/bin/mount", "-t", "ramfs", "ramfs", install.Config.UsersDir);
        try
        {
            File.SetUnixFileMode(install.Config.UsersDir, (UnixFileMode)0b111_001_001);
            install.Checked("publish");
            var file = install.UserFile(user.Uid);
            Assert.Equal($"{user.Uid.ToString(CultureInfo.InvariantCulture)} 400", Run.Checked("/usr/bin/stat", "-c", "%u %a", file).Trim());
            Envelope.Of(install.Cpapi(user, "domains")).Is("ok");

            var doctor = install.Command("doctor", "--root", install.Root);
            Assert.Contains("end users own their answer files and can rewrite them", doctor.Stdout);
        }
        finally
        {
            Run.Program("/usr/bin/umount", ["-l", install.Config.UsersDir]);
        }
    }

    private static void AssertReadableNotWritable(TempInstall install, RunAs user, string file)
    {
        Assert.Contains("rmdom", Envelope.Of(install.Cpapi(user, "domains")).Is("ok").Run.Stdout);
        Assert.NotEqual(0, Run.Program("/usr/bin/chmod", ["0600", file], user).ExitCode);
        Assert.NotEqual(0, Run.Program("/bin/sh", ["-c", $"printf '{{}}' > '{file}'"], user).ExitCode);
        if (file.EndsWith(SealedAccounts.KeyExtension, StringComparison.Ordinal))
        {
            // Their own key: readable, but not theirs to replace.
            var key = ReadKey(file, user);
            var replace = Run.Program("/usr/bin/python3", ["-c", $"import os,sys; os.setxattr(sys.argv[1], '{SealedAccounts.KeyAttribute}', bytes(16))", file], user);
            Assert.NotEqual(0, replace.ExitCode);
            Assert.Equal(key, ReadKey(file, user));
            Assert.Contains("rmdom", Encoding.UTF8.GetString(install.AccountImage(user.Uid)!));
        }
        else
        {
            Assert.Contains("rmdom", File.ReadAllText(file));
        }
    }

    /// <summary>Prints the hex of a key file's attribute, as the user running it can read it.</summary>
    private const string KeyReader = $"import os,sys; print(os.getxattr(sys.argv[1], '{SealedAccounts.KeyAttribute}').hex())";

    private static byte[] ReadKey(string file, RunAs user)
    {
        var read = Run.Program("/usr/bin/python3", ["-c", KeyReader, file], user);
        Assert.Equal(0, read.ExitCode);
        return Convert.FromHexString(read.Stdout.Trim());
    }

    private static TempInstall Installed(RunAs user)
    {
        var install = TempInstall.Create(users: 3);
        install.Checked("user", "add", user.Name, "--owner", "admin", "--domain", $"rmdom-{user.Name}.example", "--uid", user.Uid.ToString(CultureInfo.InvariantCulture));
        return install;
    }

    /// <summary>A user whose primary group is shared (useradd -N -g GROUP), so it has no private group.</summary>
    private static RunAs CreateInGroup(UnixUsers unix, string prefix, string group)
    {
        var name = $"{prefix}{Random.Shared.Next(100000, 999999)}";
        Run.Checked("/usr/sbin/useradd", "-M", "-N", "-g", group, "-s", "/usr/sbin/nologin", "-d", "/nonexistent", name);
        unix.Adopt(name);
        var account = Core.Native.Libc.Account(name)!.Value;
        return new RunAs(name, account.Uid, account.Gid);
    }
}
