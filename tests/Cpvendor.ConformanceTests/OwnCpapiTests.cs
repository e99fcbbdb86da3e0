using Cpvendor.Core;

namespace Cpvendor.ConformanceTests;

/// <summary>Our own cpapi, installed from a sample store, judged by our own checker as any vendor would be.</summary>
[Collection(OwnInstallCollection.Name)]
public sealed class OwnCpapiTests(OwnInstallFixture install)
{
    [Fact]
    public void Our_cpapi_passes_every_check_as_root_and_as_end_users()
    {
        var run = CheckRun.With(install.Ini, install.FullArgs);
        Assert.True(run.With("fail", "warn").Count == 0, "our cpapi does not conform:\n" + run.Explain());
        Assert.Equal(["Ini_ssl_cert_and_key_are_given_when_use_ssl_is_on"], run.With("skip"));
        Assert.Equal(ExitCodes.Success, run.Process.ExitCode);
    }

    [Fact]
    public void End_user_checks_really_ran_as_each_user()
    {
        var run = CheckRun.Of(install.Ini, install.EndUsers);
        var evidence = string.Join("\n", run.Check("Domains_as_end_user_hides_foreign_domains").GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        foreach (var user in install.EndUsers)
        {
            // The script line: the small binary (cpvendor-cpapi domains) or the binary (cpvendor cpapi domains).
            Assert.Matches($@"\$ \[as {user}\] \S+[ -]cpapi domains", evidence);
            Assert.Matches($@"{user} sees [1-9]\d* domains, all theirs", evidence);
        }

        Assert.Equal("pass", run.Statuses["Domains_as_end_user_hides_foreign_domains"]);
        Assert.Equal("pass", run.Statuses["Admin_only_scripts_deny_end_users"]);
    }
}
