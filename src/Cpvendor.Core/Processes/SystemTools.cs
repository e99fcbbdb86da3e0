using Cpvendor.Core.Paths;

namespace Cpvendor.Core.Processes;

/// <summary>
/// Where cpvendor finds the host's own tools (<c>gpasswd</c>, <c>groupadd</c>, <c>chown</c>,
/// <c>mariadb</c>, ...; docs/security.md, "What root runs"): only in the system folders, never through the
/// working directory or an inherited PATH, and only when the file found is root's alone
/// (<see cref="TrustedPath"/>). The answer is an absolute path for <see cref="ChildProcess"/>, which starts
/// nothing else.
/// </summary>
public static class SystemTools
{
    /// <summary>The folders a system tool may come from, in the order they are searched.</summary>
    public static IReadOnlyList<string> Folders { get; } = ["/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    /// <summary>The absolute path of the tool <paramref name="name"/>, or null when no system folder holds a trusted one.</summary>
    public static string? Find(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (name.Contains('/', StringComparison.Ordinal) || name is "." or "..")
            throw new ArgumentException($"'{name}' is not a bare program name", nameof(name));
        foreach (var folder in Folders)
        {
            var path = Path.Combine(folder, name);
            if (File.Exists(path) && TrustedPath.Problem(path) is null)
                return path;
        }

        return null;
    }

    /// <summary>As <see cref="Find"/>, but a missing tool is a <see cref="CpvendorException"/> naming it.</summary>
    public static string Resolve(string name) =>
        Find(name) ?? throw CpvendorException.Io($"{name} was not found in {string.Join(", ", Folders)} (as a file only root can change)");
}
