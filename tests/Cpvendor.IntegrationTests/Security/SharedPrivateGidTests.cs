using System.Globalization;
using System.Text;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// A second group made with the gid of a user's private group (<c>groupadd -o -g</c>) gives its
/// members that gid: an answer file published through the gid would be theirs to read. The gid
/// counts as private only when no other group holds it; otherwise the file is root's with an ACL
/// entry for the uid alone (docs/security.md, "answer files").
/// </summary>
public sealed class SharedPrivateGidTests
{
    [Fact]
    public void A_member_of_a_second_group_with_the_users_private_gid_cannot_read_the_users_answer_file()
    {
        using var unix = new UnixUsers();
        var victim = unix.Create("sgvic");
        var twin = unix.CreateGroup("sgtwin", victim.Gid);
        var member = unix.Create("sgmem", null, twin);
        using var install = TempInstall.Create(users: 3);
        install.Checked("user", "add", victim.Name, "--owner", "admin", "--domain", $"sgdom-{victim.Name}.example", "--uid", victim.Uid.ToString(CultureInfo.InvariantCulture));
        var file = install.KeyFile(victim.Uid);

        // The victim's key, as each of them can read it: the member not at all.
        var peek = Run.Program("/usr/bin/python3", ["-c", KeyReader, file], member);

        Assert.NotEqual(0, peek.ExitCode);
        Assert.Equal("", peek.Stdout);
        Assert.Equal("0 0 440", Run.Checked("/usr/bin/stat", "-c", "%u %g %a", file).Trim());
        Assert.Equal(0, Run.Program("/usr/bin/python3", ["-c", KeyReader, file], victim).ExitCode);
        Assert.Contains($"sgdom-{victim.Name}.example", Envelope.Of(install.Cpapi(victim, "domains")).Is("ok").Run.Stdout);
        Assert.Contains($"sgdom-{victim.Name}.example", Encoding.UTF8.GetString(install.AccountImage(victim.Uid)!));
    }

    [Fact]
    public void A_private_gid_no_other_group_holds_still_publishes_through_the_group()
    {
        using var unix = new UnixUsers();
        var user = unix.Create("sgown");
        using var install = TempInstall.Create(users: 3);
        install.Checked("user", "add", user.Name, "--owner", "admin", "--domain", $"sgdom-{user.Name}.example", "--uid", user.Uid.ToString(CultureInfo.InvariantCulture));

        Assert.Equal($"0 {user.Gid.ToString(CultureInfo.InvariantCulture)} 440", Run.Checked("/usr/bin/stat", "-c", "%u %g %a", install.KeyFile(user.Uid)).Trim());
    }

    internal const string KeyReader = $"import os,sys; print(os.getxattr(sys.argv[1], '{Prerendered.Sealing.SealedAccounts.KeyAttribute}').hex())";
}
