using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// In privileged mode sudo runs the privileged copy as root for every caller, so "can this process
/// read the secret" no longer tells who asks. db_info's password is decided by the caller's role:
/// root only, through the real sudo rule as well (docs/security.md).
/// </summary>
public sealed class DbInfoPasswordThroughSudoTests : IClassFixture<DbInfoPasswordThroughSudoTests.Env>
{
    private readonly Env env;

    public DbInfoPasswordThroughSudoTests(Env env) => this.env = env;

    [Fact]
    public void An_admin_group_member_through_sudo_is_refused_the_password()
    {
        var envelope = env.Panel.Through(env.Panel.Admin, "db_info").Is("PermissionDenied");

        Assert.DoesNotContain(env.Panel.Panel.Credential.Password, envelope.Run.Stdout);
    }

    [Fact]
    public void The_same_admin_through_sudo_still_sees_what_root_sees_elsewhere()
    {
        var users = env.Panel.Through(env.Panel.Admin, "users").Is("ok");

        Assert.Equal(env.Panel.Install.Cpapi("users").Stdout, users.Run.Stdout);
    }

    [Fact]
    public void Root_gets_the_password()
    {
        var envelope = Envelope.Of(Run.Program(env.Panel.Wrapper, ["cpapi", "db_info"])).Is("ok");

        Assert.Contains(env.Panel.Panel.Credential.Password, envelope.Run.Stdout);
    }

    public sealed class Env : IDisposable
    {
        public PrivilegedPanel Panel { get; } = new();

        public void Dispose() => Panel.Dispose();
    }
}
