using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Cpapi.Identity;

namespace Cpvendor.UnitTests;

/// <summary>Where identity may come from (docs/contract.md section 6). The delegated paths apply only to a root process.</summary>
public sealed class CallerResolverTests
{
    private static readonly InstallConfig Privileged = InstallConfig.ForRoot("/tmp/none", "/tmp/none/panel.db") with { Identity = IdentityMode.Privileged };

    private static Func<string, string?> Env(params (string Name, string Value)[] values) =>
        name => values.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void Kernel_mode_ignores_SUDO_UID()
    {
        var config = Privileged with { Identity = IdentityMode.Kernel };
        var caller = CallerResolver.Resolve(config, Env(("SUDO_UID", "20001"), ("SUDO_USER", "root")));
        Assert.Equal(Libc.GetUid(), caller.Uid);
    }

    [Fact]
    public void Privileged_mode_as_root_takes_PROXYEXEC_UID()
    {
        Assert.SkipUnless(Libc.GetUid() == 0, "delegation applies to a root process only");
        var caller = CallerResolver.Resolve(Privileged, Env(("PROXYEXEC_UID", "4242")));
        Assert.Equal(new Caller(4242, CallerRole.EndUser), caller);
    }

    [Fact]
    public void SUDO_UID_that_does_not_match_SUDO_USER_fails_closed()
    {
        Assert.SkipUnless(Libc.GetUid() == 0, "delegation applies to a root process only");
        var e = Assert.Throws<CpvendorException>(() => CallerResolver.Resolve(Privileged, Env(("SUDO_UID", "4242"), ("SUDO_USER", "root"))));
        Assert.Contains("does not match", e.Message);
    }

    [Fact]
    public void Both_escalation_paths_at_once_fail_closed()
    {
        Assert.SkipUnless(Libc.GetUid() == 0, "delegation applies to a root process only");
        Assert.Throws<CpvendorException>(() => CallerResolver.Resolve(Privileged, Env(("SUDO_UID", "0"), ("SUDO_USER", "root"), ("PROXYEXEC_UID", "4242"))));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData(" 5")]
    [InlineData("4294967295")]
    [InlineData("4294967296")]
    [InlineData("007")]
    [InlineData("00")]
    [InlineData("")]
    [InlineData("abc")]
    public void A_delegated_uid_that_is_not_a_plain_uid_fails_closed(string value)
    {
        Assert.SkipUnless(Libc.GetUid() == 0, "delegation applies to a root process only");
        Assert.Throws<CpvendorException>(() => CallerResolver.Resolve(Privileged, Env(("PROXYEXEC_UID", value))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("/bin/bash")]
    [InlineData("/usr/bin/cpvendor cpapi users")]
    public void SUDO_UID_left_by_another_sudo_command_fails_closed(string? sudoCommand)
    {
        Assert.SkipUnless(Libc.GetUid() == 0, "delegation applies to a root process only");
        var variables = new List<(string, string)> { ("SUDO_UID", "0"), ("SUDO_USER", "root") };
        if (sudoCommand is not null)
            variables.Add(("SUDO_COMMAND", sudoCommand));

        var e = Assert.Throws<CpvendorException>(() => CallerResolver.Resolve(Privileged, Env([.. variables])));

        Assert.Contains("SUDO_COMMAND", e.Message);
    }

    [Fact]
    public void SUDO_UID_from_the_sudo_that_ran_this_very_program_as_cpapi_is_taken()
    {
        Assert.SkipUnless(Libc.GetUid() == 0, "delegation applies to a root process only");
        var self = Environment.ProcessPath!;

        var caller = CallerResolver.Resolve(Privileged, Env(("SUDO_UID", "0"), ("SUDO_USER", "root"), ("SUDO_COMMAND", self + " cpapi users --fields=id")));

        Assert.Equal(new Caller(0, CallerRole.Root), caller);
    }

    [Fact]
    public void SUDO_UID_from_the_sudo_that_ran_the_small_copy_beside_this_program_is_taken()
    {
        Assert.SkipUnless(Libc.GetUid() == 0, "delegation applies to a root process only");
        var small = Path.Combine(Path.GetDirectoryName(Environment.ProcessPath!)!, "cpvendor-cpapi");
        Assert.SkipWhen(File.Exists(small), "a cpvendor-cpapi already lies beside the test program");
        File.WriteAllBytes(small, []);
        try
        {
            var caller = CallerResolver.Resolve(Privileged, Env(("SUDO_UID", "0"), ("SUDO_USER", "root"), ("SUDO_COMMAND", small + " cpapi users")));

            Assert.Equal(new Caller(0, CallerRole.Root), caller);
        }
        finally
        {
            File.Delete(small);
        }
    }

    [Fact]
    public void SUDO_UID_from_a_small_copy_in_another_folder_fails_closed()
    {
        Assert.SkipUnless(Libc.GetUid() == 0, "delegation applies to a root process only");
        var folder = Directory.CreateTempSubdirectory("cpvendor-resolver-");
        try
        {
            var small = Path.Combine(folder.FullName, "cpvendor-cpapi");
            File.WriteAllBytes(small, []);

            var e = Assert.Throws<CpvendorException>(() => CallerResolver.Resolve(Privileged, Env(("SUDO_UID", "0"), ("SUDO_USER", "root"), ("SUDO_COMMAND", small + " cpapi users"))));

            Assert.Contains("SUDO_COMMAND", e.Message);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
