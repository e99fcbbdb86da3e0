using System.Globalization;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Store.ReadModel;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// The recovery rules of ARCHITECTURE.md, "the read side", for every kind of caller CloudLinux runs the
/// scripts as: root, a member of the admin group and an end user, each through the installed
/// integration.ini lines. A pending migration and a publish that finds the disk full both leave all
/// three answered byte for byte as before, with nothing on stderr.
/// </summary>
public sealed class ReadModelEveryCallerTests
{
    private static readonly string[][] AdminCalls =
        [["panel_info"], ["packages"], ["users"], ["users", "--fields=id,username"], ["domains"], ["domains", "--with-php"], ["resellers"], ["admins"], ["php"]];

    private static readonly string[][] EndUserCalls = [["panel_info"], ["domains"], ["domains", "--with-php"]];

    [Fact]
    public void A_pending_migration_leaves_root_an_administrator_and_an_end_user_answered_from_the_last_generation()
    {
        using var callers = Callers.Create("rmmig", users: 10);
        var before = callers.Answers();

        // What the previous release wrote: the store and its generation one schema version behind.
        ReadModelTests.Downgrade(callers.Install.Store);
        var generation = ReadModelFiles.Current(callers.Install.Config);
        var old = generation + ".old";
        File.Copy(callers.Install.Store, old);
        File.SetUnixFileMode(old, (UnixFileMode)0b110_100_000);
        Cpvendor.Core.Native.Libc.Lchown(old, 0, callers.Install.Config.AdminGid ?? 0);
        File.Move(old, generation, overwrite: true);

        Assert.Equal(before, callers.Answers());
        Envelope.Of(callers.Ini.Call(callers.Admin, "users", "--username=nobody")).Is("NotFound");
    }

    [Fact]
    public void A_publish_that_finds_the_disk_full_leaves_root_an_administrator_and_an_end_user_answered_from_the_previous_generation()
    {
        using var callers = Callers.Create("rmfull", users: 20);
        var install = callers.Install;
        var folder = ReadModelFiles.Folder(install.Config);
        var size = new FileInfo(ReadModelFiles.Current(install.Config)).Length;
        var before = callers.Answers();
        // Room for the current generation and not for a second copy beside it.
        Run.Checked("/usr/bin/mount", "-t", "tmpfs", "-o", $"size={size + (size / 2)},mode=0750", "tmpfs", folder);
        try
        {
            install.Checked("publish");
            // Changes for the end user, an account the administrator lists, and the panel's accounts.
            var domain = install.Command("domain", "add", "full-extra.example", "--owner", callers.User.Name);
            Assert.NotEqual(0, domain.ExitCode);
            Assert.Contains("No space left on device", domain.Stderr);
            var account = install.Command("user", "add", "rmfulla", "--owner", "admin", "--domain", "rmfulla.example", "--uid", "47103");
            Assert.NotEqual(0, account.ExitCode);
            Assert.Contains("previous generation", account.Stderr);

            Assert.Equal(before, callers.Answers());
            Assert.Equal(1L, StoreCheck.Scalar(install.Store, "SELECT count(*) FROM domains WHERE name = 'full-extra.example'"));

            Run.Checked("/usr/bin/mount", "-o", $"remount,size={size * 4}", folder);
            install.Checked("publish");
            Assert.Contains("full-extra.example", Envelope.Of(callers.Ini.Call(callers.User, "domains")).Is("ok").Run.Stdout);
            Envelope.Of(callers.Ini.Call(callers.Admin, "users", "--username=rmfulla")).Is("ok");
        }
        finally
        {
            Run.Program("/usr/bin/umount", ["-l", folder]);
        }
    }

    /// <summary>An install with a real administrator in its admin group and a real end user with an account.</summary>
    private sealed class Callers : IDisposable
    {
        private readonly UnixUsers unix;

        private Callers(UnixUsers unix, TempInstall install, RunAs admin, RunAs user)
        {
            this.unix = unix;
            Install = install;
            Admin = admin;
            User = user;
            Ini = IniScripts.Of(install);
        }

        public TempInstall Install { get; }

        public RunAs Admin { get; }

        public RunAs User { get; }

        public IniScripts Ini { get; }

        public static Callers Create(string prefix, int users)
        {
            var unix = new UnixUsers();
            try
            {
                var group = unix.CreateGroup(prefix + "g");
                var admin = unix.Create(prefix + "a", null, group);
                var user = unix.Create(prefix + "u");
                var install = TempInstall.Create(users: users, adminGroup: group);
                install.Checked("user", "add", user.Name, "--owner", "admin", "--domain", user.Name + ".example", "--uid", user.Uid.ToString(CultureInfo.InvariantCulture));
                install.Checked("domain", "add", "blog." + user.Name + ".example", "--owner", user.Name);
                return new Callers(unix, install, admin, user);
            }
            catch
            {
                unix.Dispose();
                throw;
            }
        }

        /// <summary>Every call of each caller, each asserted to be one ok envelope with nothing on stderr.</summary>
        public List<string> Answers()
        {
            var answers = new List<string>();
            foreach (var call in AdminCalls)
            {
                answers.Add("root " + Envelope.Of(Ini.Call(call[0], call[1..])).Is("ok").Run.Stdout);
                answers.Add("admin " + Envelope.Of(Ini.Call(Admin, call[0], call[1..])).Is("ok").Run.Stdout);
            }

            foreach (var call in EndUserCalls)
                answers.Add("user " + Envelope.Of(Ini.Call(User, call[0], call[1..])).Is("ok").Run.Stdout);
            return answers;
        }

        public void Dispose()
        {
            Install.Dispose();
            unix.Dispose();
        }
    }
}
