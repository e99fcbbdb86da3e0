using Cpvendor.Core.Native;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// Quickstart runs as root and ends by running the installed script lines as root. A user who made
/// its folder first, or who can swap <c>DIR/root</c> for a link to a tree of their own between the
/// install and the check, must not get root to run anything of theirs (docs/security.md).
/// </summary>
public sealed class QuickstartFolderAttackTests
{
    private const int Untrusted = 6;

    [Fact]
    public void A_folder_a_user_made_in_tmp_before_quickstart_is_refused()
    {
        using var user = new HostileUser();
        var dir = $"/tmp/cpvendor-qs-{user.Account.Name}";
        user.Shell($"mkdir -m 0777 {dir}");
        try
        {
            var run = Run.Cpvendor("quickstart", "--dir", dir, "--users", "3");

            Assert.True(run.ExitCode == Untrusted, run.ToString());
            Assert.Contains($"is owned by uid {user.Uid}", run.Stderr);
            Assert.Empty(Directory.EnumerateFileSystemEntries(dir));
        }
        finally
        {
            Run.Program("/bin/rm", ["-rf", dir]);
        }
    }

    [Fact]
    public void A_folder_inside_a_users_own_folder_is_refused_even_when_quickstart_would_create_it()
    {
        using var user = new HostileUser();
        var dir = Path.Combine(user.Scratch, "qs");

        var run = Run.Cpvendor("quickstart", "--dir", dir, "--users", "3");

        Assert.True(run.ExitCode == Untrusted, run.ToString());
        Assert.Contains("parent folder", run.Stderr);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_user_swapping_DIR_root_for_a_link_during_quickstart_gets_nothing_run_as_root()
    {
        using var user = new HostileUser();
        var dir = $"/tmp/cpvendor-qs-{user.Account.Name}";
        user.Shell($"mkdir -m 0755 {dir}");

        // The user's own tree where the install's binary and ini would be: their program, and an
        // ini whose every line is that program. It takes the place of DIR/root once the install
        // has written its manifest, its last step, before the checker runs the lines.
        var evil = Path.Combine(user.Scratch, "evil");
        user.MakeFolder(Path.Combine(evil, "opt/cpvendor/etc"));
        user.MakeFolder(Path.Combine(evil, "opt/cpvendor/bin"));
        var program = user.PlantProgram(Path.Combine(evil, "opt/cpvendor/bin/cpvendor"));
        user.WriteFile(Path.Combine(evil, "opt/cpvendor/etc/integration.ini"), OwnIni(program));
        var manifest = Path.Combine(dir, "root/opt/cpvendor/etc/install-manifest.json");
        user.Race(manifest, $"mv {dir}/root {dir}/taken && ln -s {evil} {dir}/root");
        try
        {
            var run = Run.Cpvendor("quickstart", "--dir", dir, "--users", "3");

            Assert.Null(user.RanAs);
            Assert.True(run.ExitCode == Untrusted, run.ToString());
        }
        finally
        {
            Run.Program("/bin/rm", ["-rf", dir]);
        }
    }

    [Fact]
    public void Without_dir_quickstart_works_in_a_new_folder_only_root_can_change()
    {
        var run = Run.Cpvendor("quickstart", "--users", "3");
        var store = run.Stdout.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("1. Sample panel store: ", StringComparison.Ordinal))["1. Sample panel store: ".Length..];
        var dir = Path.GetDirectoryName(store)!;
        try
        {
            Assert.True(run.ExitCode is 0 or 1, run.ToString());
            Assert.StartsWith("/tmp/cpvendor-quickstart-", dir, StringComparison.Ordinal);
            var status = Libc.Owner(dir)!.Value;
            Assert.Equal(0u, status.Uid);
            Assert.Equal((UnixFileMode)0b111_101_101, status.Mode);
            Assert.Null(Core.Paths.TrustedPath.Problem(dir));
        }
        finally
        {
            if (dir.StartsWith("/tmp/cpvendor-quickstart-", StringComparison.Ordinal))
                Directory.Delete(dir, recursive: true);
        }
    }

    internal static string OwnIni(string program)
    {
        var lines = string.Join('\n', Contract.Grammar.Scripts.Select(g => $"{g.Script} = {program}"));
        return $"[integration_scripts]\n{lines}\n\n[lvemanager_config]\nui_user_info = {program}\n";
    }
}
