namespace Cpvendor.Bench;

/// <summary>
/// One build's binaries installed the way the default and the privileged install put them: a sample
/// store made by that build's own <c>cpvendor init</c> and an install into a root of its own.
/// </summary>
internal sealed class Installation
{
    /// <summary>The binaries a build ships, by file name, whose sizes the report compares.</summary>
    public static readonly IReadOnlyList<string> Shipped = ["cpvendor", "cpvendor-cpapi", "cpvendor-pie", "cpvendor-cpapi-pie"];

    /// <summary>What every build has; the small binary's position-independent copy came later.</summary>
    private static readonly IReadOnlyList<string> Required = ["cpvendor", "cpvendor-cpapi", "cpvendor-pie"];

    private Installation(string binaries, string dir)
    {
        Binaries = binaries;
        Dir = dir;
    }

    /// <summary>The folder holding the build's binaries (<c>out/</c> of a checkout).</summary>
    public string Binaries { get; }

    public string Dir { get; }

    public string Store => Path.Combine(Dir, "panel.db");

    public string Root => Path.Combine(Dir, "root");

    public string Installed => Path.Combine(Root, "opt/cpvendor/bin/cpvendor");

    /// <summary>The small cpapi binary the default install's integration.ini names.</summary>
    public string Small => Path.Combine(Root, "opt/cpvendor/bin/cpvendor-cpapi");

    /// <summary>
    /// What privileged mode's sudo rule and wrapper run (position-independent, outside cage-mounted
    /// folders): the small copy, or the full copy in a build from before there was one.
    /// </summary>
    public string Privileged => File.Exists(PrivilegedSmall) ? PrivilegedSmall : Path.Combine(Root, "usr/libexec/cpvendor/bin/cpvendor");

    private string PrivilegedSmall => Path.Combine(Root, "usr/libexec/cpvendor/bin/cpvendor-cpapi");

    /// <summary>The sudoers drop-in the install wrote, naming <see cref="Privileged"/>.</summary>
    public string SudoersDropIn => Path.Combine(Root, "etc/sudoers.d/cpvendor");

    /// <summary>Makes the sample store of <paramref name="accounts"/> accounts in <paramref name="dir"/> and installs into its root.</summary>
    public static Installation Create(string binaries, string dir, int accounts)
    {
        foreach (var name in Required)
        {
            if (!File.Exists(Path.Combine(binaries, name)))
                throw new InvalidOperationException($"{Path.Combine(binaries, name)} is missing: run ./build.sh first");
        }

        Directory.CreateDirectory(dir);
        var install = new Installation(binaries, dir);
        var binary = Path.Combine(binaries, "cpvendor");
        BenchHost.Checked(binary, "init", "--store", install.Store, "--sample", accounts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // One db_info credential for every build compared (init makes a random password each time).
        File.WriteAllText(install.Store + ".secret", """{"login":"cpvendor_stats","password":"bench","host":"localhost","port":3306}""");
        BenchHost.Checked(binary, "install", "--root", install.Root, "--store", install.Store, "--privileged=sudo");
        return install;
    }

    /// <summary>The size in bytes of a shipped binary of this build; 0 when the build has none.</summary>
    public long Size(string name) => File.Exists(Path.Combine(Binaries, name)) ? new FileInfo(Path.Combine(Binaries, name)).Length : 0;
}
