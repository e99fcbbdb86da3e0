namespace Cpvendor.ConformanceTests;

/// <summary>
/// Real UNIX users for the end-user checks, keyed by uid: an existing account with that uid is
/// used as it is, otherwise one is created (no home, no group of its own) and removed afterwards.
/// </summary>
internal sealed class UnixUsers : IDisposable
{
    private readonly List<string> created = [];

    public UnixUsers(string prefix, IEnumerable<uint> uids)
    {
        if (Environment.UserName != "root")
            Assert.Fail("these tests create UNIX users and drop privileges: run them as root");
        foreach (var uid in uids)
            Names.Add(Ensure(prefix, uid));
    }

    public List<string> Names { get; } = [];

    /// <summary>A real UNIX account of this name for the life of the object: created, and removed afterwards.</summary>
    public static UnixUsers Named(string name)
    {
        if (Exists(name))
            Assert.Fail($"the UNIX account {name} already exists on this host");
        var users = new UnixUsers(name, []);
        users.Create(name, []);
        users.Names.Add(name);
        return users;
    }

    public static bool Exists(string name) => Proc.Run("getent", "passwd", name).ExitCode == 0;

    public static string? NameOf(uint uid)
    {
        var result = Proc.Run("getent", "passwd", uid.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return result.ExitCode == 0 ? result.Stdout.Split(':')[0] : null;
    }

    private string Ensure(string prefix, uint uid)
    {
        if (NameOf(uid) is { } existing)
            return existing;
        var id = uid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Create($"{prefix}{uid}", ["-u", id]);
        return NameOf(uid)!;
    }

    private void Create(string name, string[] options)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            // Other test runs may hold the passwd lock for a moment: try again.
            var result = Proc.Run("useradd", [.. options, "-M", "-N", "-s", "/usr/sbin/nologin", name]);
            if (result.ExitCode == 0 || Exists(name))
            {
                created.Add(name);
                return;
            }

            Thread.Sleep(300 * (attempt + 1));
        }

        Assert.Fail($"could not create UNIX user {name}");
    }

    public void Dispose()
    {
        foreach (var name in created)
        {
            for (var attempt = 0; attempt < 5 && Proc.Run("userdel", name).ExitCode is not (0 or 6); attempt++)
                Thread.Sleep(300);
        }
    }
}
