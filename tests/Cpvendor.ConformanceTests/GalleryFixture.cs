namespace Cpvendor.ConformanceTests;

/// <summary>
/// The gallery copied to a folder every user can read (root-owned, writable by root only, as a
/// root-safety preflight of the checker wants it), with each integration.ini pointed at the copy;
/// the two UNIX users whose uids the gallery's panel data gives to galice and gbob, and the account
/// of the administrator helpdesk (gdave's uid), for --as-admin.
/// </summary>
public sealed class GalleryFixture : IDisposable
{
    private const UnixFileMode Public = (UnixFileMode)0b110_100_100;
    private const UnixFileMode Executable = (UnixFileMode)0b111_101_101;

    private readonly UnixUsers users;
    private readonly UnixUsers admins;
    private CheckRun? reference;

    public GalleryFixture()
    {
        Root = Proc.PublicTempDir("cpvendor-gallery-");
        var target = Path.Combine(Root, "Gallery");
        Copy(Repo.Gallery, target);
        foreach (var ini in Directory.GetFiles(target, "integration.ini", SearchOption.AllDirectories))
        {
            File.WriteAllText(ini, File.ReadAllText(ini).Replace("@GALLERY@", target, StringComparison.Ordinal));
            File.SetUnixFileMode(ini, Public);
        }

        users = new UnixUsers("cpvg", [23101, 23102]);
        admins = new UnixUsers("cpvg", [23104]);
    }

    /// <summary>The token the reference's panel issued to galice (in its data.json).</summary>
    public const string IssuedToken = "token-galice";

    public IReadOnlyList<string> AdminAccounts => admins.Names;

    /// <summary>The reference vendor's report, made once: every defect's report is compared with it.</summary>
    internal CheckRun Reference => reference ??= CheckRun.With(Ini("reference"), StandardArgs);

    /// <summary>What every gallery run is given: the end users, the admin account and the issued token.</summary>
    public IReadOnlyList<string> StandardArgs =>
        [.. users.Names.SelectMany(u => new[] { "--as-user", u }), .. admins.Names.SelectMany(a => new[] { "--as-admin", a }), "--ui-token", IssuedToken];

    public string Root { get; }

    public IReadOnlyList<string> EndUsers => users.Names;

    public string Ini(string vendor) => Path.Combine(Root, "Gallery", vendor, "integration.ini");

    public void Dispose()
    {
        users.Dispose();
        admins.Dispose();
        Directory.Delete(Root, recursive: true);
    }

    private static void Copy(string source, string target)
    {
        Directory.CreateDirectory(target);
        File.SetUnixFileMode(target, Executable);
        foreach (var file in Directory.GetFiles(source))
        {
            if (file.EndsWith(".pyc", StringComparison.Ordinal))
                continue;
            var to = Path.Combine(target, Path.GetFileName(file));
            File.Copy(file, to);
            File.SetUnixFileMode(to, (File.GetUnixFileMode(file) & UnixFileMode.UserExecute) != 0 ? Executable : Public);
        }

        foreach (var dir in Directory.GetDirectories(source))
        {
            if (Path.GetFileName(dir) != "__pycache__")
                Copy(dir, Path.Combine(target, Path.GetFileName(dir)));
        }
    }
}
