using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// <c>cpvendor check</c> run as root runs every line of the ini it is given as root. An ini a user can
/// change, or a line naming a program or script a user can change, would have root run the user's
/// commands: the checker refuses (exit 6) unless told <c>--allow-untrusted</c> (docs/security.md).
/// </summary>
public sealed class PlantedIniAttackTests
{
    private const int Untrusted = 6;

    [Fact]
    public void Check_as_root_refuses_an_ini_a_user_wrote()
    {
        using var user = new HostileUser();
        var program = user.PlantProgram(Path.Combine(user.Scratch, "script"));
        var ini = user.WriteFile(Path.Combine(user.Scratch, "integration.ini"), QuickstartFolderAttackTests.OwnIni(program));

        var run = Run.Cpvendor("check", "--ini", ini);

        Assert.Null(user.RanAs);
        Assert.True(run.ExitCode == Untrusted, run.ToString());
        Assert.Contains("refusing to run its scripts as root", run.Stderr);
    }

    [Fact]
    public void Check_as_root_refuses_a_root_ini_whose_lines_run_a_users_script_through_an_interpreter()
    {
        using var user = new HostileUser();
        var script = user.PlantProgram(Path.Combine(user.Scratch, "script.sh"));
        var folder = user.RootFolder("ini");
        var ini = Path.Combine(folder, "integration.ini");
        File.WriteAllText(ini, QuickstartFolderAttackTests.OwnIni("/bin/sh " + script));

        var run = Run.Cpvendor("check", "--ini", ini);

        Assert.Null(user.RanAs);
        Assert.True(run.ExitCode == Untrusted, run.ToString());
        Assert.Contains(script, run.Stderr);
    }

    [Fact]
    public void Check_runs_such_an_ini_only_when_told_to()
    {
        using var user = new HostileUser();
        var program = user.PlantProgram(Path.Combine(user.Scratch, "script"));
        var ini = user.WriteFile(Path.Combine(user.Scratch, "integration.ini"), QuickstartFolderAttackTests.OwnIni(program));

        var run = Run.Cpvendor("check", "--ini", ini, "--allow-untrusted");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("0", user.RanAs);
    }

    [Fact]
    public void Doctor_as_root_does_not_run_the_lines_of_a_tree_a_user_owns()
    {
        using var user = new HostileUser();
        var program = user.PlantProgram(Path.Combine(user.Scratch, "script"));
        var etc = user.MakeFolder(Path.Combine(user.Scratch, "opt/cpvendor/etc"));
        user.WriteFile(Path.Combine(etc, "integration.ini"), QuickstartFolderAttackTests.OwnIni(program));

        var run = Run.Cpvendor("doctor", "--root", user.Scratch);

        Assert.Null(user.RanAs);
        Assert.True(run.ExitCode == Untrusted, run.ToString());
        Assert.Contains("not run as root", run.Stdout);
    }

    [Fact]
    public void Check_as_root_refuses_a_missing_ini_a_user_could_still_create()
    {
        using var user = new HostileUser();
        var ini = Path.Combine(user.Scratch, "later", "integration.ini");

        var run = Run.Cpvendor("check", "--ini", ini);

        Assert.True(run.ExitCode == Untrusted, run.ToString());
    }
}
