namespace Cpvendor.Core;

/// <summary>
/// Where things live in an installation. The running binary finds its configuration only from its
/// own location (<c>BIN/../etc/cpvendor.conf</c>), so nothing the caller controls can redirect it.
/// </summary>
public static class InstallLayout
{
    public const string BinDir = "opt/cpvendor/bin";
    public const string EtcDir = "opt/cpvendor/etc";
    public const string BinaryName = "cpvendor";

    public static string Under(string root, string relative) => Path.Combine(Path.GetFullPath(root), relative);

    public static string ConfigFileUnder(string root) => Path.Combine(Under(root, EtcDir), InstallConfig.FileName);

    public static string IntegrationIniUnder(string root) => Path.Combine(Under(root, EtcDir), "integration.ini");

    public static string BinaryUnder(string root) => Path.Combine(Under(root, BinDir), BinaryName);

    /// <summary>The configuration file that belongs to the running executable.</summary>
    public static string ConfigFileOfThisBinary()
    {
        var exe = Environment.ProcessPath ?? throw CpvendorException.NotInstalled("the running binary has no path");
        var binDir = Path.GetDirectoryName(exe) ?? "/";
        return Path.Combine(Path.GetDirectoryName(binDir) ?? "/", "etc", InstallConfig.FileName);
    }

    /// <summary>Loads the configuration of the running installation.</summary>
    public static InstallConfig LoadForThisBinary()
    {
        var path = ConfigFileOfThisBinary();
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            throw CpvendorException.NotInstalled($"no {path}: run 'cpvendor install' first");
        }
        catch (DirectoryNotFoundException)
        {
            throw CpvendorException.NotInstalled($"no {path}: run 'cpvendor install' first");
        }
        catch (UnauthorizedAccessException)
        {
            throw CpvendorException.NotInstalled($"{path} is not readable");
        }

        return InstallConfig.Parse(text, path);
    }
}
