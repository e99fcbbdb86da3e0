using System.Globalization;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>A UNIX identity a test runs a process as.</summary>
public sealed record RunAs(string Name, uint Uid, uint Gid);

/// <summary>
/// Real UNIX accounts created for a test with useradd (the suite runs as root) and removed when
/// disposed. Names carry a random suffix so parallel tests and reruns never collide.
/// </summary>
public sealed class UnixUsers : IDisposable
{
    private readonly List<string> users = [];
    private readonly List<string> groups = [];

    public static bool CanCreate => Environment.UserName == "root" || Core.Native.Libc.GetEuid() == 0;

    /// <summary>Creates a user with the given uid (or any free one) and its own private group.</summary>
    public RunAs Create(string prefix, uint? uid = null, params string[] supplementaryGroups)
    {
        var name = $"{prefix}{Random.Shared.Next(100000, 999999)}";
        var args = new List<string> { "-M", "-U", "-s", "/usr/sbin/nologin", "-d", "/nonexistent" };
        if (uid is { } id)
            args.AddRange(["-o", "-u", id.ToString(CultureInfo.InvariantCulture)]);
        if (supplementaryGroups.Length > 0)
            args.AddRange(["-G", string.Join(',', supplementaryGroups)]);
        args.Add(name);
        Run.Checked("/usr/sbin/useradd", [.. args]);
        users.Add(name);
        var account = Core.Native.Libc.Account(name) ?? throw new InvalidOperationException($"useradd made no {name}");
        return new RunAs(name, account.Uid, account.Gid);
    }

    /// <summary>Removes <paramref name="name"/>, a user the test created itself, on dispose.</summary>
    public void Adopt(string name) => users.Add(name);

    /// <summary>
    /// Creates a group (removed on dispose) and returns its name; with <paramref name="gid"/> it gets
    /// that gid even when another group has it already (<c>groupadd -o</c>).
    /// </summary>
    public string CreateGroup(string prefix, uint? gid = null)
    {
        var name = $"{prefix}{Random.Shared.Next(100000, 999999)}";
        if (gid is { } id)
            Run.Checked("/usr/sbin/groupadd", "-o", "-g", id.ToString(CultureInfo.InvariantCulture), name);
        else
            Run.Checked("/usr/sbin/groupadd", name);
        groups.Add(name);
        return name;
    }

    public void Dispose()
    {
        foreach (var user in users)
            Run.Program("/usr/sbin/userdel", [user]);
        foreach (var group in groups)
            Run.Program("/usr/sbin/groupdel", [group]);
    }
}
