using Cpvendor.Core;

namespace Cpvendor.Host;

/// <summary>
/// Where install puts things on a host besides <see cref="InstallLayout"/>: the privileged copy
/// outside cage-mounted folders, the sudo and CageFS files (docs/contract.md sections 6 and 7). Every
/// path is under a root, like the rest of the install.
/// </summary>
public static class HostLayout
{
    public const string Name = "cpvendor";

    /// <summary>The privileged copy: under /usr/libexec, which CageFS does not mount (docs/contract.md section 7).</summary>
    public static string PrivilegedBinary(string root) => InstallLayout.Under(root, "usr/libexec/cpvendor/bin/cpvendor");

    /// <summary>
    /// The privileged small copy beside it: what sudo, proxyexec and the wrapper run. It answers from the
    /// published bytes and hands every other call to <see cref="PrivilegedBinary"/> (docs/cpapi.md).
    /// </summary>
    public static string PrivilegedSmallBinary(string root) => InstallLayout.Under(root, "usr/libexec/cpvendor/bin/" + Plan.SmallCpapiBinary.Name);

    /// <summary>The privileged copy's own settings (identity = privileged), found beside it as ../etc/cpvendor.conf.</summary>
    public static string PrivilegedConfig(string root) => InstallLayout.Under(root, "usr/libexec/cpvendor/etc/" + InstallConfig.FileName);

    /// <summary>The wrapper integration.ini names in privileged mode: sudo outside CageFS, proxyexec inside.</summary>
    public static string PrivilegedWrapper(string root) => InstallLayout.Under(root, InstallLayout.BinDir + "/cpvendor-privileged");

    public static string SudoersDropIn(string root) => InstallLayout.Under(root, "etc/sudoers.d/cpvendor");

    public static string SudoersDir(string root) => InstallLayout.Under(root, "etc/sudoers.d");

    public static string CageFsDir(string root) => InstallLayout.Under(root, "etc/cagefs");

    public static string CageFsMountPoints(string root) => InstallLayout.Under(root, "etc/cagefs/cagefs.mp");

    public static string CageFsExclude(string root) => InstallLayout.Under(root, "etc/cagefs/exclude/cpvendor");

    public static string CageFsDuplicateUids(string root) => InstallLayout.Under(root, "etc/cagefs/enable.duplicate.uids");

    public static string CageFsConfD(string root) => InstallLayout.Under(root, "etc/cagefs/conf.d/cpvendor.cfg");

    public static string CageFsProxyCommands(string root) => InstallLayout.Under(root, "etc/cagefs/cpvendor.proxy.commands");

    public static string CageFsCtl(string root) => InstallLayout.Under(root, "usr/sbin/cagefsctl");

    public static string LvemanagerAssets(string root) => InstallLayout.Under(root, "opt/cpvendor/lvemanager");
}
