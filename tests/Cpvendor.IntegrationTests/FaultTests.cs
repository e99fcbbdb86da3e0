using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Store;
using Microsoft.Data.Sqlite;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// docs/contract.md section 2, InternalAPIError: when the data is unavailable (store missing, unreadable,
/// locked, corrupt; published files missing or damaged; no configuration) every script still answers
/// with exactly one valid envelope saying so, never with partial or made-up data.
/// </summary>
public sealed class FaultTests
{
    private static readonly string[] StoreScripts = ["db_info", "packages", "users", "domains", "resellers", "admins", "php"];

    private static TempInstall NewInstall(KnownPanel? panel = null, string adminGroup = "cpvendor") =>
        TempInstall.FromStore(store => (panel ?? new KnownPanel()).WriteStore(store), adminGroup);

    private static void AllUnavailable(TempInstall install, RunAs? user, IEnumerable<string> scripts)
    {
        foreach (var script in scripts)
            Envelope.Of(install.Cpapi(user, script)).Is("InternalAPIError");
    }

    [Fact]
    public void A_missing_store_is_an_internal_error_for_every_store_script()
    {
        using var install = NewInstall();
        File.Delete(install.Store);

        AllUnavailable(install, null, StoreScripts);
        Envelope.Of(install.Cpapi("users", "--username=kpalice")).Is("InternalAPIError");
        Envelope.Of(install.Cpapi("panel_info")).Is("ok");
    }

    [Fact]
    public void A_store_the_administrator_cannot_read_is_an_internal_error()
    {
        using var unix = new UnixUsers();
        var group = unix.CreateGroup("kpflt");
        var admin = unix.Create("kpfa", null, group);
        using var install = NewInstall(adminGroup: group);
        Envelope.Of(install.Cpapi(admin, "users")).Is("ok");

        File.SetUnixFileMode(install.Store, UnixFileMode.None);

        AllUnavailable(install, admin, StoreScripts.Where(s => s != "db_info"));
    }

    [Fact]
    public void A_store_locked_by_a_writer_is_an_internal_error_until_the_writer_is_done()
    {
        using var install = NewInstall();
        SqliteBootstrap.Init();
        using var writer = new SqliteConnection($"Data Source={install.Store}");
        writer.Open();
        using (var reserved = writer.BeginTransaction(deferred: false))
        {
            // A writer that has not reached its commit (RESERVED lock) does not stop readers.
            Envelope.Of(install.Cpapi("admins")).Is("ok");
            reserved.Rollback();
        }

        using (var exclusive = writer.CreateCommand())
        {
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            exclusive.ExecuteNonQuery();
        }

        Envelope.Of(install.Cpapi("users")).Is("InternalAPIError");
        Envelope.Of(install.Cpapi("domains", "--with-php")).Is("InternalAPIError");

        using (var rollback = writer.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }

        Envelope.Of(install.Cpapi("users")).Is("ok");
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("half")]
    [InlineData("header-only")]
    [InlineData("empty")]
    public void A_corrupt_store_is_an_internal_error(string damage)
    {
        using var install = NewInstall();
        var bytes = File.ReadAllBytes(install.Store);
        File.WriteAllBytes(install.Store, damage switch
        {
            "garbage" => [.. Enumerable.Range(0, bytes.Length).Select(i => (byte)(i * 7919 % 251))],
            "half" => bytes[..(bytes.Length / 2)],
            "header-only" => bytes[..100],
            _ => [],
        });

        AllUnavailable(install, null, StoreScripts);
    }

    [Fact]
    public void Db_info_without_a_credential_file_is_mysql_null_and_with_a_damaged_one_an_internal_error()
    {
        using var install = NewInstall();
        var secret = install.Store + ".secret";
        File.Delete(secret);
        Assert.Equal("""{"mysql":null}""", Expected.Canonical(Envelope.Of(install.Cpapi("db_info")).Is("ok").Data));

        File.WriteAllText(secret, """{"login":"x","password":""");
        Envelope.Of(install.Cpapi("db_info")).Is("InternalAPIError");
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("{\"name\":\"x\",\"vers")]
    [InlineData("\u0000\u0001garbage")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("{\"name\":\"x\",\"version\":\"1\",\"user_login_url\":null}")]
    [InlineData("{\"name\":\"x\",\"version\":\"1\",\"user_login_url\":null,\"supported_cl_features\":{\"cagefs\":\"yes\"}}")]
    public void A_missing_or_damaged_public_panel_info_is_an_internal_error(string content)
    {
        using var unix = new UnixUsers();
        var user = unix.Create("kpfu");
        using var install = NewInstall();
        if (content == "missing")
            File.Delete(install.Config.PanelInfoFile);
        else
            File.WriteAllText(install.Config.PanelInfoFile, content);

        Envelope.Of(install.Cpapi("panel_info")).Is("InternalAPIError");
        Envelope.Of(install.Cpapi(user, "panel_info")).Is("InternalAPIError");
    }

    [Theory]
    [InlineData("{\"usernames\":[\"kpalice\"],\"doma")]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("{}")]
    public void A_damaged_per_user_file_is_an_internal_error_for_that_user(string content)
    {
        var panel = new KnownPanel((uint)Random.Shared.Next(500_000, 590_000) * 10);
        using var unix = new UnixUsers();
        var alice = unix.Create("kpfa", panel.AliceUid);
        var carol = unix.Create("kpfc", panel.CarolUid);
        using var install = NewInstall(panel);
        var file = install.UserFile(panel.AliceUid);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(file, content);

        Envelope.Of(install.Cpapi(alice, "domains")).Is("InternalAPIError");
        Envelope.Of(install.Cpapi(alice, "domains", "--owner=kpalice")).Is("InternalAPIError");
        Envelope.Of(install.Cpapi(carol, "domains")).Is("ok");
        Envelope.Of(install.Cpapi("domains")).Is("ok");
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("unreadable")]
    [InlineData("garbage")]
    [InlineData("incomplete")]
    public void Without_a_valid_configuration_every_script_is_an_internal_error(string damage)
    {
        using var unix = new UnixUsers();
        var user = unix.Create("kpfu");
        using var install = NewInstall();
        var conf = Core.InstallLayout.ConfigFileUnder(install.Root);
        switch (damage)
        {
            case "missing":
                File.Delete(conf);
                break;
            case "unreadable":
                File.SetUnixFileMode(conf, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                break;
            case "garbage":
                File.WriteAllText(conf, "this is not a configuration\n");
                break;
            default:
                File.WriteAllText(conf, "root = /\n");
                break;
        }

        foreach (var script in StoreScripts.Append("panel_info"))
        {
            if (damage != "unreadable")
                Envelope.Of(install.Cpapi(script)).Is("InternalAPIError");
            Envelope.Of(install.Cpapi(user, script)).Is("InternalAPIError");
        }
    }
}
