using System.Text.Json;
using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// The rules of docs/contract.md section 3 that tie one script's answer to another's, checked on the
/// answers themselves (not on the test's rows), so they hold whatever the store says.
/// </summary>
public sealed class ContractInvariantTests(KnownInstall known) : IClassFixture<KnownInstall>
{
    private JsonElement Data(params string[] args) => Envelope.Of(known.Install.Cpapi(args)).Is("ok").Data;

    [Fact]
    public void Users_domain_is_the_one_main_domain_of_that_user()
    {
        var domains = Data("domains").EnumerateObject().ToList();
        foreach (var user in Data("users").EnumerateArray())
        {
            var name = user.GetProperty("username").GetString();
            var mains = domains.Where(d => d.Value.GetProperty("owner").GetString() == name && d.Value.GetProperty("is_main").GetBoolean()).ToList();
            Assert.Single(mains);
            Assert.Equal(mains[0].Name, user.GetProperty("domain").GetString());
        }
    }

    [Fact]
    public void Exactly_one_admin_is_main()
    {
        var admins = Data("admins").EnumerateArray().ToList();

        Assert.Single(admins, a => a.GetProperty("is_main").GetBoolean());
        Assert.Single(Data("admins", "--is-main=true").EnumerateArray());
        Assert.Equal(admins.Count - 1, Data("admins", "-m", "false").GetArrayLength());
    }

    [Fact]
    public void Every_user_owner_is_an_admin_or_a_reseller()
    {
        var owners = Data("admins").EnumerateArray().Select(a => a.GetProperty("name").GetString())
            .Concat(Data("resellers").EnumerateArray().Select(r => r.GetProperty("name").GetString()))
            .ToHashSet();

        Assert.All(Data("users").EnumerateArray(), u => Assert.Contains(u.GetProperty("owner").GetString(), owners));
    }

    [Fact]
    public void User_ids_are_the_unix_ids_of_the_accounts()
    {
        var ids = Data("users").EnumerateArray().ToDictionary(u => u.GetProperty("username").GetString()!, u => u.GetProperty("id").GetUInt32());

        Assert.Equal(known.Panel.Users.ToDictionary(u => u.Username, u => u.Uid), ids);
        Assert.Equal(ids["kpbob"], ids["kpdave"]);
    }

    [Fact]
    public void Domain_php_names_a_version_the_php_script_lists_without_the_dot()
    {
        var php = Data("php").EnumerateArray().ToDictionary(v => v.GetProperty("identifier").GetString()!, v => v.GetProperty("version").GetString()!);

        foreach (var domain in Data("domains", "--with-php").EnumerateObject())
        {
            var block = domain.Value.GetProperty("php");
            var id = block.GetProperty("php_version_id").GetString()!;
            Assert.True(php.ContainsKey(id), $"{domain.Name}: {id} is not listed by php");
            Assert.Equal(php[id].Replace(".", "", StringComparison.Ordinal), block.GetProperty("version").GetString());
            Assert.DoesNotContain('.', block.GetProperty("version").GetString()!);
            var handler = block.GetProperty("handler").GetString();
            Assert.Contains(handler, new[] { "fpm", "cgi", "lsapi" });
            if (handler != "fpm")
                Assert.Equal(JsonValueKind.Null, block.GetProperty("fpm").ValueKind);
        }
    }

    [Fact]
    public void Php_block_appears_only_with_with_php_and_then_on_every_domain()
    {
        Assert.All(Data("domains").EnumerateObject(), d => Assert.False(d.Value.TryGetProperty("php", out _)));
        Assert.All(Data("domains", "--with-php").EnumerateObject(), d => Assert.True(d.Value.TryGetProperty("php", out _)));
        Assert.All(Data("domains", "--with-php", "-o", "kpalice").EnumerateObject(), d => Assert.Equal(JsonValueKind.Object, d.Value.GetProperty("php").ValueKind));
    }

    [Fact]
    public void Document_roots_are_absolute_without_a_trailing_slash() =>
        Assert.All(Data("domains").EnumerateObject(), d =>
        {
            var root = d.Value.GetProperty("document_root").GetString()!;
            Assert.StartsWith("/", root);
            Assert.False(root.Length > 1 && root.EndsWith('/'), root);
        });

    [Fact]
    public void Db_info_port_is_a_json_number()
    {
        var access = Data("db_info").GetProperty("mysql").GetProperty("access");

        Assert.Equal(JsonValueKind.Number, access.GetProperty("port").ValueKind);
        Assert.Equal(known.Panel.Credential.Port, access.GetProperty("port").GetInt32());
    }

    [Fact]
    public void Supported_cl_features_is_an_object_of_booleans()
    {
        var features = Data("panel_info").GetProperty("supported_cl_features");

        Assert.All(features.EnumerateObject(), f => Assert.True(f.Value.ValueKind is JsonValueKind.True or JsonValueKind.False));
        Assert.False(features.TryGetProperty("wizard", out _));
    }

    [Fact]
    public void Reseller_ids_are_above_max_uid_or_null() =>
        Assert.All(Data("resellers").EnumerateArray(), r =>
        {
            var id = r.GetProperty("id");
            Assert.True(id.ValueKind == JsonValueKind.Null || id.GetInt64() is > 60000 and <= uint.MaxValue, id.ToString());
        });

    [Fact]
    public void Every_answer_is_one_line_of_utf8_ending_in_a_newline()
    {
        foreach (var script in new[] { "panel_info", "db_info", "packages", "users", "domains", "resellers", "admins", "php" })
        {
            var run = known.Install.Cpapi(script);
            Assert.EndsWith("\n", run.Stdout);
            Assert.DoesNotContain('\n', run.Stdout.TrimEnd('\n'));
        }
    }
}
