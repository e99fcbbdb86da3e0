using Cpvendor.Core;

namespace Cpvendor.Cli;

/// <summary>
/// The privileged copy (identity = privileged beside it) is started as root by sudo and by CageFS
/// proxyexec, and proxyexec passes any arguments: that copy serves <c>cpapi</c> and nothing else,
/// so no caller can reach install, publish or any other root-only command through it.
/// </summary>
internal static class PrivilegedGuard
{
    public static bool Refuses(TextWriter error)
    {
        InstallConfig config;
        try
        {
            config = InstallLayout.LoadForThisBinary();
        }
        catch (CpvendorException)
        {
            return false;
        }

        if (config.Identity != IdentityMode.Privileged)
            return false;
        error.WriteLine("cpvendor: this is the privileged copy; it serves 'cpapi' only (run the copy in /opt/cpvendor/bin)");
        return true;
    }
}
