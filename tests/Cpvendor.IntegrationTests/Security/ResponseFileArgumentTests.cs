using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// An argument that starts with <c>@</c> is that argument (docs/security.md, "Arguments are
/// arguments"): never the name of a response file whose words root reads and splices into the
/// command, on the command line or in a <c>batch</c> line. The file here is root's alone and
/// reached through a user's link, so reading it would hand its content to the store, the read
/// model and the Governor map.
/// </summary>
public sealed class ResponseFileArgumentTests
{
    private const string Secret = "rootonlysecret";

    [Fact]
    public void An_at_argument_is_not_read_as_a_file_on_the_command_line()
    {
        using var user = new HostileUser();
        using var install = TempInstall.Create(users: 3, seed: 7);
        var link = SecretThroughLink(user);
        var owner = AnyAccount(install);

        var run = install.Command("db", "add", "@" + link, "--owner", owner);

        Assert.True(run.ExitCode == ExitCodes.Invalid, run.ToString());
        Assert.DoesNotContain(Secret, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ReadIfThere(install.Config.GovernorMap), StringComparison.Ordinal);
    }

    [Fact]
    public void An_at_argument_is_not_read_as_a_file_in_a_batch_line()
    {
        using var user = new HostileUser();
        using var install = TempInstall.Create(users: 3, seed: 7);
        var link = SecretThroughLink(user);
        var owner = AnyAccount(install);

        var run = Run.Program(install.Binary, ["batch"], stdin: $"db add @{link} --owner {owner}\n");

        Assert.NotEqual(0, run.ExitCode);
        Assert.DoesNotContain(Secret, run.Stdout + run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, ReadIfThere(install.Config.GovernorMap), StringComparison.Ordinal);
    }

    /// <summary>A 0600 file of root's holding a valid database user name, and the user's link to it.</summary>
    private static string SecretThroughLink(HostileUser user)
    {
        var folder = user.RootFolder("secret");
        File.SetUnixFileMode(folder, (UnixFileMode)0b111_000_000);
        var secret = Path.Combine(folder, "secret");
        File.WriteAllText(secret, Secret + "\n");
        File.SetUnixFileMode(secret, (UnixFileMode)0b110_000_000);
        var link = Path.Combine(user.Scratch, "words");
        user.Link(secret, link);
        return link;
    }

    private static string AnyAccount(TempInstall install) =>
        System.Text.Json.JsonDocument.Parse(install.Cpapi("users", "--fields=username").Stdout).RootElement.GetProperty("data")[0].GetProperty("username").GetString()!;

    private static string ReadIfThere(string path) => File.Exists(path) ? File.ReadAllText(path) : "";
}
