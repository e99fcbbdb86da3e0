using Cpvendor.Core;
using Cpvendor.Core.Processes;
using Cpvendor.Doctor.Ini;
using Cpvendor.Store;

namespace Cpvendor.Doctor.Host;

/// <summary>
/// The server as the doctor reads it: every system path under a root (<c>/</c> or a copied tree),
/// each file read once, the install's settings, integration.ini and the store opened on demand.
/// </summary>
internal sealed class HostView
{
    private readonly Dictionary<string, FileRead> files = new(StringComparer.Ordinal);
    private (InstallConfig? Config, string? Problem)? config;
    private (IIniView? Ini, string? Problem)? ini;
    private AccountFiles? accounts;
    private HostPlatform? platform;

    public HostView(string root, bool allowUntrusted = false)
    {
        Root = Path.GetFullPath(root);
        IsRealRoot = Root == "/";
        RunTrust = new RunTrust(IniPath, allowUntrusted);
    }

    /// <summary>Whether a script line of this tree may be run as this process (root runs only what root alone can change).</summary>
    public RunTrust RunTrust { get; }

    public string Root { get; }

    public bool IsRealRoot { get; }

    /// <summary>A system path under the root (<c>/etc/login.defs</c> becomes <c>ROOT/etc/login.defs</c>).</summary>
    public string Under(string absolute) => IsRealRoot ? absolute : Path.Combine(Root, absolute.TrimStart('/'));

    /// <summary>The inverse of <see cref="Under"/>: a path under the root as the host names it.</summary>
    public string HostPath(string path) =>
        !IsRealRoot && path.StartsWith(Root + "/", StringComparison.Ordinal) ? path[Root.Length..] : path;

    public FileRead Read(string absolute)
    {
        var path = Under(absolute);
        if (!files.TryGetValue(path, out var read))
        {
            read = FileRead.Of(path);
            files[path] = read;
        }

        return read;
    }

    public string IniPath => InstallLayout.IntegrationIniUnder(Root);

    /// <summary>The install's settings (<c>opt/cpvendor/etc/cpvendor.conf</c>), or why there are none.</summary>
    public (InstallConfig? Config, string? Problem) Config => config ??= LoadConfig();

    /// <summary>integration.ini as configparser reads it, or why it cannot be read.</summary>
    public (IIniView? Ini, string? Problem) Ini => ini ??= LoadIni();

    /// <summary>The distribution, C library and kernel, and whether the integration supports them.</summary>
    public HostPlatform Platform => platform ??= HostPlatform.Read(this);

    public AccountFiles Accounts => accounts ??= AccountFiles.Parse(Read("/etc/group").Text, Read("/etc/passwd").Text);

    /// <summary>Runs a query on the store; null with a reason when there is no readable store.</summary>
    public (T? Value, string? Problem) Store<T>(Func<PanelReader, T> query)
        where T : class
    {
        if (Config.Config is not { } settings)
            return (null, Config.Problem);
        try
        {
            using var reader = PanelReader.Open(settings.Store);
            return (query(reader), null);
        }
        catch (Exception e) when (e is CpvendorException or IOException or UnauthorizedAccessException)
        {
            return (null, $"the store {settings.Store} cannot be read: {e.Message}");
        }
    }

    /// <summary>Runs one of the store's own operations on it, opened read-only (the hook queue's counts, the source's state).</summary>
    public (T? Value, string? Problem) StoreQuery<T>(Func<StoreSession, T> query)
        where T : class
    {
        if (Config.Config is not { } settings)
            return (null, Config.Problem);
        try
        {
            using var store = PanelStore.OpenForRead(settings.Store);
            return (query(store), null);
        }
        catch (Exception e) when (e is CpvendorException or IOException or UnauthorizedAccessException)
        {
            return (null, $"the store {settings.Store} cannot be read: {e.Message}");
        }
    }

    /// <summary>The uid from which CageFS cages users: <c>cagefsctl --get-min-uid</c> on a real host, else UID_MIN of login.defs.</summary>
    public (uint? Uid, string Evidence) CageFsMinUid()
    {
        var tool = Under("/usr/sbin/cagefsctl");
        if (IsRealRoot && File.Exists(tool))
        {
            var run = ChildProcess.Run([tool, "--get-min-uid"], Cpvendor.Host.HostTools.Checked);
            if (run.ExitCode == 0 && uint.TryParse(run.Stdout.Trim(), System.Globalization.CultureInfo.InvariantCulture, out var fromTool))
                return (fromTool, $"cagefsctl --get-min-uid: {fromTool}");
        }

        var defs = Read("/etc/login.defs");
        if (defs.Text is null)
            return (null, defs.Problem!);
        return LoginDefs.Number(defs.Text, "UID_MIN") is { } min and <= uint.MaxValue
            ? ((uint)min, $"UID_MIN {min} in {defs.Path}")
            : (null, $"{defs.Path} has no UID_MIN");
    }

    private (InstallConfig?, string?) LoadConfig()
    {
        var read = FileRead.Of(InstallLayout.ConfigFileUnder(Root));
        if (read.Text is null)
            return (null, read.Problem);
        try
        {
            return (InstallConfig.Parse(read.Text, read.Path), null);
        }
        catch (CpvendorException e)
        {
            return (null, e.Message);
        }
    }

    private (IIniView?, string?) LoadIni()
    {
        var read = FileRead.Of(IniPath);
        if (read.Text is null)
            return (null, read.Problem);
        var (view, error) = IniAdapter.Read(read.Text);
        return (view, error);
    }
}
