using System.Text;

namespace Cpvendor.Host.Render;

/// <summary>The small files cpvendor gives CageFS (docs/contract.md section 7).</summary>
internal static class CageFsFiles
{
    /// <summary><c>/etc/cagefs/exclude/cpvendor</c>: the panel's own system users, one per line, never caged.</summary>
    public static string Exclude(IEnumerable<string> systemUsers)
    {
        var sb = new StringBuilder("# cpvendor: the panel's system users, kept out of CageFS.\n");
        foreach (var user in systemUsers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            sb.Append(user).Append('\n');
        return sb.ToString();
    }

    /// <summary><c>/etc/cagefs/conf.d/cpvendor.cfg</c>: what a cage must contain for the scripts to run.</summary>
    public static string ConfD(string binary, string etcDir)
    {
        var sb = new StringBuilder();
        sb.Append("[cpvendor]\n");
        sb.Append("comment=cpvendor CloudLinux integration scripts\n");
        sb.Append("paths=").Append(binary).Append(", ").Append(etcDir).Append('\n');
        return sb.ToString();
    }

    /// <summary><c>/etc/cagefs/cpvendor.proxy.commands</c>: the privileged copy, run outside the cage as root.</summary>
    public static string ProxyCommands(string privilegedBinary) =>
        "# cpvendor privileged mode: run outside CageFS as root; the caller's uid arrives in PROXYEXEC_UID.\n"
        + "CPVENDOR_CPAPI=root:" + privilegedBinary + "\n";

    /// <summary>A per-user mount line for cagefs.mp.</summary>
    public static string PersonalMount(string path) => "@" + path + ",700";
}
