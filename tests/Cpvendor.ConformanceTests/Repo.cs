namespace Cpvendor.ConformanceTests;

/// <summary>Where the repository and the published binary are.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Gallery => Path.Combine(Root, "tests", "Cpvendor.ConformanceTests", "Gallery");

    /// <summary>The NativeAOT binary <c>./build.sh</c> publishes; the tests judge what ships.</summary>
    public static string Binary
    {
        get
        {
            var path = Path.Combine(Root, "out", "cpvendor");
            if (!File.Exists(path))
                Assert.Fail($"{path} is missing: run ./build.sh before dotnet test");
            return path;
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "cpvendor.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("cannot find the repository root (cpvendor.slnx) above " + AppContext.BaseDirectory);
    }
}
