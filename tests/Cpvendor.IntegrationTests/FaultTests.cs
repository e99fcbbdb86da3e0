using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Store;
using Cpvendor.Store.ReadModel;
using Microsoft.Data.Sqlite;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// docs/contract.md section 2, InternalAPIError: when the data is unavailable (read model missing,
/// unreadable or corrupt; published files missing or damaged; no configuration) every script still
/// answers with exactly one valid envelope saying so, never with partial or made-up data; the live
/// store is not read by any call, so its state (missing, locked) changes no answer.
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
    public void A_missing_read_model_is_an_internal_error_for_every_store_script()
    {
        using var install = NewInstall();
        File.Delete(ReadModelFiles.Current(install.Config));

        AllUnavailable(install, null, StoreScripts);
        Envelope.Of(install.Cpapi("users", "--username=kpalice")).Is("InternalAPIError");
        Envelope.Of(install.Cpapi("panel_info")).Is("ok");
    }

    [Fact]
    public void A_missing_live_store_leaves_every_call_answering_from_the_read_model()
    {
        using var install = NewInstall();
        var before = StoreScripts.ToDictionary(s => s, s => Envelope.Of(install.Cpapi(s)).Is("ok").Run.Stdout);
        File.Delete(install.Store);

        foreach (var script in StoreScripts)
            Assert.Equal(before[script], Envelope.Of(install.Cpapi(script)).Is("ok").Run.Stdout);
    }

    [Fact]
    public void A_read_model_the_administrator_cannot_read_is_an_internal_error()
    {
        using var unix = new UnixUsers();
        var group = unix.CreateGroup("kpflt");
        var admin = unix.Create("kpfa", null, group);
        using var install = NewInstall(adminGroup: group);
        Envelope.Of(install.Cpapi(admin, "users")).Is("ok");

        File.SetUnixFileMode(ReadModelFiles.Current(install.Config), UnixFileMode.None);

        AllUnavailable(install, admin, StoreScripts.Where(s => s != "db_info"));
    }

    [Fact]
    public void A_store_locked_by_a_writer_does_not_stop_any_call()
    {
        using var install = NewInstall();
        var before = Envelope.Of(install.Cpapi("users")).Is("ok").Run.Stdout;
        SqliteBootstrap.Init();
        using var writer = new SqliteConnection($"Data Source={install.Store}");
        writer.Open();
        using (var exclusive = writer.CreateCommand())
        {
            exclusive.CommandText = "BEGIN EXCLUSIVE";
            exclusive.ExecuteNonQuery();
        }

        // The old store path waited 2 s here, then answered InternalAPIError.
        Assert.Equal(before, Envelope.Of(install.Cpapi("users")).Is("ok").Run.Stdout);
        Envelope.Of(install.Cpapi("domains", "--with-php")).Is("ok");
        Envelope.Of(install.Cpapi("users", "--username=kpalice")).Is("ok");

        using (var rollback = writer.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            rollback.ExecuteNonQuery();
        }
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("half")]
    [InlineData("header-only")]
    [InlineData("empty")]
    public void A_corrupt_read_model_is_an_internal_error(string damage)
    {
        using var install = NewInstall();
        var generation = ReadModelFiles.Current(install.Config);
        var bytes = File.ReadAllBytes(generation);
        File.WriteAllBytes(generation, damage switch
        {
            "garbage" => [.. Enumerable.Range(0, bytes.Length).Select(i => (byte)(i * 7919 % 251))],
            "half" => bytes[..(bytes.Length / 2)],
            "header-only" => bytes[..100],
            _ => [],
        });

        AllUnavailable(install, null, StoreScripts);
        install.Checked("publish");
        Envelope.Of(install.Cpapi("users")).Is("ok");
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
        // The bucket holding Alice's sealed answers (Carol's is another).
        var file = Prerendered.Sealing.SealedAccounts.BucketFile(install.Config, Prerendered.Sealing.SealedBucket.Of(panel.AliceUid));
        Assert.NotEqual(file, Prerendered.Sealing.SealedAccounts.BucketFile(install.Config, Prerendered.Sealing.SealedBucket.Of(panel.CarolUid)));
        Assert.NotNull(install.AccountImage(panel.AliceUid));
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
