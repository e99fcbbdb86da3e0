using System.Globalization;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.HostTests;

/// <summary>
/// The .deb built twice by packaging/deb/build-deb.sh from out/: Debian revision 1 and a rebuild of
/// the same version as revision 2 (an upgrade), shared by the tests of a class; removed on dispose.
/// </summary>
public sealed class DebBuilds : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("cpvendor-deb-").FullName;

    public DebBuilds()
    {
        First = Build(Path.Combine(dir, "deb1"), release: 1);
        Second = Build(Path.Combine(dir, "deb2"), release: 2);
    }

    public string First { get; }

    public string Second { get; }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private static string Build(string outDir, int release)
    {
        var build = Run.Program(Path.Combine(Repo.Root, "packaging/deb/build-deb.sh"), [outDir], environment: new Dictionary<string, string> { ["CPV_RELEASE"] = release.ToString(CultureInfo.InvariantCulture) });
        Assert.True(build.ExitCode == 0, build.ToString());
        return Directory.GetFiles(outDir, "cpvendor_*_amd64.deb").Single();
    }
}
