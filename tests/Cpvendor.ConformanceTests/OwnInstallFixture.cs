using System.Globalization;
using System.Text.Json;
using Cpvendor.Core;

namespace Cpvendor.ConformanceTests;

/// <summary>
/// Our own cpapi as a vendor would ship it: a sample store, <c>cpvendor install</c> into a root, and
/// two UNIX users whose uids are accounts of the sample (our cpapi answers end users from per-uid
/// files, so the UNIX name does not matter, the uid does).
/// </summary>
public sealed class OwnInstallFixture : IDisposable
{
    private readonly UnixUsers users;

    public OwnInstallFixture()
    {
        Dir = Proc.PublicTempDir("cpvendor-own-");
        var store = Path.Combine(Dir, "panel.db");
        var root = Path.Combine(Dir, "root");
        Must(Proc.Run(Repo.Binary, "init", "--store", store, "--sample", "50"));
        Must(Proc.Run(Repo.Binary, "install", "--root", root, "--store", store));
        Ini = Path.Combine(root, "opt", "cpvendor", "etc", "integration.ini");

        var answer = Must(Proc.Run(Path.Combine(root, "opt", "cpvendor", "bin", "cpvendor"), "cpapi", "users", "--fields=id"));
        using var document = JsonDocument.Parse(answer.Stdout);
        var uids = document.RootElement.GetProperty("data").EnumerateArray().Select(u => u.GetProperty("id").GetUInt32()).Order().ToList();
        Assert.True(uids.Count >= 2, "the sample store has fewer than two accounts");
        users = new UnixUsers("cpvc", uids.TakeLast(2));

        // A trusted account: a member of the install's admin group, as an administrator's UNIX user or imunify360 would be.
        AdminAccount = "cpvca" + Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3)).ToLowerInvariant();
        Must(Proc.Run("useradd", "-M", "-N", "-G", "cpvendor", "-s", "/usr/sbin/nologin", AdminAccount));
        var first = document.RootElement.GetProperty("data")[0].GetProperty("id").GetUInt32();
        var name = Must(Proc.Run(Path.Combine(root, "opt", "cpvendor", "bin", "cpvendor"), "cpapi", "users", "--unix-id=" + Uid(first), "--fields=username")).Stdout;
        using var named = JsonDocument.Parse(name);
        UiToken = Must(Proc.Run(Path.Combine(root, "opt", "cpvendor", "bin", "cpvendor"), "ui-token", "issue", "--user", named.RootElement.GetProperty("data")[0].GetProperty("username").GetString()!)).Stdout.Trim();
    }

    /// <summary>A UNIX user in the install's admin group: --as-admin.</summary>
    public string AdminAccount { get; }

    /// <summary>A ui_user_info token the install issued: --ui-token.</summary>
    public string UiToken { get; }

    /// <summary>End users, the admin account and the token: everything a full check is given.</summary>
    public IReadOnlyList<string> FullArgs =>
        [.. users.Names.SelectMany(u => new[] { "--as-user", u }), "--as-admin", AdminAccount, "--ui-token", UiToken];

    public string Dir { get; }

    public string Ini { get; }

    public IReadOnlyList<string> EndUsers => users.Names;

    public void Dispose()
    {
        users.Dispose();
        Proc.Run("userdel", AdminAccount);
        Directory.Delete(Dir, recursive: true);
    }

    private static Proc.Result Must(Proc.Result result)
    {
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        return result;
    }

    public static string Uid(uint uid) => uid.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The classes that share one install (and its UNIX users) run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class OwnInstallCollection : ICollectionFixture<OwnInstallFixture>
{
    public const string Name = "Our own install";
}
