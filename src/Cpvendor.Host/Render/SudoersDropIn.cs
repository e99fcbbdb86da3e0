using System.Text;
using Cpvendor.Core;

namespace Cpvendor.Host.Render;

/// <summary>
/// The sudoers drop-in of privileged mode (docs/contract.md section 6): every user may run the privileged
/// small copy (which execs the full copy beside it for the rest) as root without a password, with <c>NOSETENV</c> so that nothing the caller puts in its
/// environment (a forged <c>SUDO_UID</c>) survives, and only as <c>cpapi ...</c>: an explicit path
/// and a fixed first argument, never <c>ALL</c>.
/// </summary>
internal static class SudoersDropIn
{
    public static string Render(string privilegedBinary)
    {
        if (!privilegedBinary.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-'))
            throw CpvendorException.Invalid($"{privilegedBinary}: a path sudoers can name needs letters, digits, '/', '.', '_' or '-' only");
        var sb = new StringBuilder();
        sb.Append("# cpvendor privileged mode, written by 'cpvendor install --privileged=sudo'.\n");
        sb.Append("# Any user may run the CPAPI scripts as root; identity then comes from SUDO_UID, which sudo sets\n");
        sb.Append("# itself: NOSETENV keeps callers from passing their own environment.\n");
        sb.Append("Cmnd_Alias CPVENDOR_CPAPI = ").Append(privilegedBinary).Append(" cpapi *\n");
        sb.Append("Defaults!CPVENDOR_CPAPI env_reset, !setenv, !syslog\n");
        sb.Append("ALL ALL=(root) NOPASSWD:NOSETENV: CPVENDOR_CPAPI\n");
        return sb.ToString();
    }
}
