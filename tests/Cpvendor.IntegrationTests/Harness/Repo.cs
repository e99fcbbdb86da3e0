namespace Cpvendor.IntegrationTests.Harness;

/// <summary>Paths of the checkout the tests run in.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>The published binary; the suite needs <c>./build.sh</c> to have run.</summary>
    public static string Binary
    {
        get
        {
            var path = Path.Combine(Root, "out", "cpvendor");
            if (!File.Exists(path))
                throw new InvalidOperationException($"{path} is missing: run ./build.sh before the tests");
            return path;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "cpvendor.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("cannot find the checkout (cpvendor.slnx)");
    }
}
