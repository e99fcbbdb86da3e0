using System.Globalization;

namespace Cpvendor.Sources.IspConfig;

/// <summary>
/// This host's accounts from <c>ROOT/etc/passwd</c> (the file the doctor reads too): an ISPConfig
/// website names its UNIX user, but only the web server it lives on knows the uid.
/// </summary>
internal sealed class HostPasswd
{
    private readonly Dictionary<string, (uint Uid, string Home)> accounts;

    private HostPasswd(Dictionary<string, (uint, string)> accounts, string stamp)
    {
        this.accounts = accounts;
        Stamp = stamp;
    }

    /// <summary>Changes whenever the file does (size and modification time; useradd and userdel replace it).</summary>
    public string Stamp { get; }

    public static string PathUnder(string root) => Path.Combine(Path.GetFullPath(root), "etc/passwd");

    public static HostPasswd Read(string root)
    {
        var path = PathUnder(root);
        var accounts = new Dictionary<string, (uint, string)>(StringComparer.Ordinal);
        if (!File.Exists(path))
            return new HostPasswd(accounts, "none");
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split(':');
            if (fields.Length >= 6 && fields[0].Length > 0 && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var uid))
                accounts.TryAdd(fields[0], (uid, fields[5]));
        }

        return new HostPasswd(accounts, StampOf(root));
    }

    /// <summary>The stamp alone, without reading the accounts: what the change marker needs.</summary>
    public static string StampOf(string root)
    {
        var info = new FileInfo(PathUnder(root));
        return info.Exists ? string.Create(CultureInfo.InvariantCulture, $"{info.Length}.{info.LastWriteTimeUtc.Ticks}") : "none";
    }

    public bool TryGet(string name, out uint uid, out string home)
    {
        if (accounts.TryGetValue(name, out var account))
        {
            (uid, home) = account;
            return true;
        }

        uid = 0;
        home = "";
        return false;
    }
}
