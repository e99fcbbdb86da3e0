using System.Text;
using Cpvendor.Core;

namespace Cpvendor.Host.Render;

/// <summary>
/// The script integration.ini names in privileged mode, around the privileged small copy (which hands
/// what it does not answer to the full copy beside it). Root runs that copy directly;
/// inside CageFS that path is a proxyexec stub that runs it outside the cage as root with
/// <c>PROXYEXEC_UID</c>; elsewhere sudo runs it with <c>SUDO_UID</c> (docs/contract.md sections 6 and 7).
/// sudo's own complaints go to /dev/null: callers must never see anything on stderr. sudo's
/// variables are dropped first: a caller that is root (a tool started from a <c>sudo -s</c> shell)
/// is root, and only the sudo this wrapper runs may set them again.
/// </summary>
internal static class PrivilegedWrapper
{
    public static string Render(string privilegedBinary)
    {
        var quoted = ShellWords.Quote(privilegedBinary);
        var sb = new StringBuilder();
        sb.Append("#!/bin/sh\n");
        sb.Append("# cpvendor privileged mode, written by 'cpvendor install --privileged=sudo'.\n");
        sb.Append("unset SUDO_UID SUDO_GID SUDO_USER SUDO_COMMAND\n");
        sb.Append("if [ \"$(id -u)\" = 0 ] || [ -e /var/.cagefs ]; then\n");
        sb.Append("  exec ").Append(quoted).Append(" \"$@\"\n");
        sb.Append("fi\n");
        sb.Append("exec /usr/bin/sudo -n -- ").Append(quoted).Append(" \"$@\" 2>/dev/null\n");
        return sb.ToString();
    }
}
