using System.Globalization;
using System.Text.Json;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Prerendered;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// The filters and the PHP answers the small binary serves from the answer book, and root's db_info
/// from its root-only answer file: real processes of both binaries on a sample panel print the same
/// bytes, and with the full binary moved away the small one still prints them, so it served them
/// itself. What the book cannot decide (a name that does not exist, a caller who may not ask) still
/// gets the full binary's envelope.
/// </summary>
public sealed class SmallCpapiFilterTests(SmallCpapiFilterTests.Panel env) : IClassFixture<SmallCpapiFilterTests.Panel>
{
    [Fact]
    public void Every_filter_and_php_call_of_root_is_served_with_the_full_binarys_bytes() =>
        ServedWithoutFullBinary(null, RootCalls(env).ToList());

    [Fact]
    public void An_owner_package_or_user_that_exists_and_lists_nothing_gets_the_empty_answer_from_the_book()
    {
        string[][] calls =
        [
            ["users", "--owner", Panel.EmptyReseller], ["users", "--owner", Panel.EmptyReseller, "--fields=id,email"],
            ["packages", "--owner", Panel.EmptyReseller], ["users", "--package-name", Panel.UnusedPackage, "--package-owner", "admin"],
            ["domains", "--owner", env.WithoutDomains], ["domains", "--owner", env.WithoutDomains, "--with-php"],
        ];
        var expected = calls.Select(args => env.Install.FullCpapi(null, args).Stdout).ToList();
        Assert.All(expected, answer => Assert.Matches("""^\{"data":(\[\]|\{\}),"metadata":\{"result":"ok"\}\}\n$""", answer));

        var served = WithoutFullBinary(() => calls.Select(args => env.Install.Cpapi(args).Stdout).ToList());

        Assert.Equal(expected, served);
    }

    [Fact]
    public void An_administrator_gets_the_filters_from_the_book_and_db_info_only_from_the_full_binary()
    {
        ServedWithoutFullBinary(env.Admin, RootCalls(env).Where(args => args[0] != "db_info").ToList());

        var refused = env.Install.FullCpapi(env.Admin, "db_info");
        Assert.Null(SmallCpapiBinaryTests.Mismatch(env.Install, env.Admin, ["db_info"]));
        Assert.Equal("PermissionDenied", Envelope.Of(refused).Result);
        Assert.Equal(SmallCpapiBinaryTests.Unstartable, WithoutFullBinary(() => Envelope.Of(env.Install.Cpapi(env.Admin, "db_info")).Message));
    }

    [Fact]
    public void Names_that_do_not_exist_and_an_end_users_admin_calls_are_left_to_the_full_binary()
    {
        string[][] missing =
        [
            ["users", "--owner", "nosuchowner"], ["users", "--owner=nosuchowner", "--fields=id"],
            ["users", "--package-name", "nosuchpackage", "--package-owner", env.Owners[0]],
            ["users", "--package-name", env.Packages[0].Name, "--package-owner", "nosuchowner"],
            ["domains", "--owner", "nosuchuser"], ["domains", "--owner", "nosuchuser", "--with-php"],
            ["domains", "--name", "nosuch.example", "--with-php"], ["packages", "--owner", "nosuchowner"],
            ["resellers", "--name", "nosuchreseller"], ["resellers", "--id", "4000000000"], ["admins", "--name", "nosuchadmin"],
        ];
        string[][] endUserCalls = [["users", "--owner", env.Owners[0]], ["domains", "--owner", env.Owners[0]], ["admins", "--is-main", "true"], ["db_info"]];

        var mismatches = missing.Select(args => SmallCpapiBinaryTests.Mismatch(env.Install, null, args))
            .Concat(missing.Select(args => SmallCpapiBinaryTests.Mismatch(env.Install, env.Admin, args)))
            .Concat(endUserCalls.Select(args => SmallCpapiBinaryTests.Mismatch(env.Install, env.EndUser, args)))
            .OfType<string>().ToList();

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(5)));
        WithoutFullBinary(() =>
        {
            foreach (var args in missing)
                Assert.Equal(SmallCpapiBinaryTests.Unstartable, Envelope.Of(env.Install.Cpapi(args)).Message);
            foreach (var args in endUserCalls)
                Assert.Equal(SmallCpapiBinaryTests.Unstartable, Envelope.Of(env.Install.Cpapi(env.EndUser, args)).Message);
            return 0;
        });
    }

    [Fact]
    public void Db_info_is_a_root_only_file_outside_the_book_and_a_changed_credential_is_not_served_from_it()
    {
        var path = AnswerFiles.DbInfo(env.Install.Config);
        var book = File.ReadAllBytes(SmallCpapiBinaryTests.BookOf(env.Install));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal("0", Run.Checked("/usr/bin/stat", "-c", "%u", path).Trim());
        Assert.Contains(Panel.Password, File.ReadAllText(path), StringComparison.Ordinal);
        Assert.DoesNotContain(Panel.Password, System.Text.Encoding.UTF8.GetString(book), StringComparison.Ordinal);

        // A credential changed behind the publisher's back: the answer file no longer matches it.
        var secret = env.Install.Config.DbSecret;
        var old = File.ReadAllBytes(secret);
        try
        {
            File.WriteAllText(secret, File.ReadAllText(secret).Replace(Panel.Password, "changed-behind", StringComparison.Ordinal));
            var answer = env.Install.Cpapi("db_info");
            Assert.Equal(env.Install.FullCpapi(null, "db_info").Stdout, answer.Stdout);
            Assert.Contains("changed-behind", answer.Stdout, StringComparison.Ordinal);
            Assert.Equal(SmallCpapiBinaryTests.Unstartable, WithoutFullBinary(() => Envelope.Of(env.Install.Cpapi("db_info")).Message));
        }
        finally
        {
            File.WriteAllBytes(secret, old);
        }
    }

    /// <summary>Each call's bytes from the full binary, then from the small one with the full binary moved away.</summary>
    private void ServedWithoutFullBinary(RunAs? user, List<string[]> calls)
    {
        var expected = calls.Select(args => env.Install.FullCpapi(user, args)).ToList();
        Assert.All(expected, run => Assert.Equal("ok", Envelope.Of(run).Result));
        var served = WithoutFullBinary(() => calls.Select(args => env.Install.Cpapi(user, args).Stdout).ToList());
        var mismatches = new List<string>();
        for (var i = 0; i < calls.Count; i++)
        {
            if (served[i] != expected[i].Stdout)
                mismatches.Add(string.Join(' ', calls[i]) + ": " + served[i][..Math.Min(200, served[i].Length)]);
        }

        Assert.True(calls.Count > 60, $"only {calls.Count} calls");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(5)));
    }

    private T WithoutFullBinary<T>(Func<T> body)
    {
        var binary = env.Install.Binary;
        File.Move(binary, binary + ".away");
        try
        {
            return body();
        }
        finally
        {
            File.Move(binary + ".away", binary);
        }
    }

    /// <summary>Every newly served call form, over several owners, packages, resellers and administrators.</summary>
    private static IEnumerable<string[]> RootCalls(Panel env)
    {
        yield return ["domains", "--with-php"];
        yield return ["db_info"];
        yield return ["admins", "--is-main", "true"];
        yield return ["admins", "-m", "false"];
        yield return ["admins", "--is-main=false"];
        string[] fieldSets = ["id", "username,owner", "package,email,locale_code", "locale_code,domain,id", "id,username,owner,domain,package,email,locale_code"];
        foreach (var owner in env.Owners)
        {
            yield return ["users", "--owner", owner];
            yield return ["users", "-o", owner, "--fields=" + fieldSets[owner.Length % fieldSets.Length]];
            yield return ["packages", "--owner", owner];
        }

        for (var i = 0; i < env.Packages.Count; i++)
        {
            var (name, owner) = env.Packages[i];
            yield return ["users", "--package-name", name, "--package-owner", owner];
            yield return ["users", "--package-name=" + name, "--package-owner=" + owner, "--fields", fieldSets[i % fieldSets.Length]];
        }

        foreach (var account in env.Accounts)
        {
            yield return ["domains", "--owner", account];
            yield return ["domains", "--owner=" + account, "--with-php"];
        }

        foreach (var domain in env.Domains)
        {
            yield return ["domains", "--name", domain, "--with-php"];
            yield return ["domains", "--with-php", "-n", domain];
        }

        foreach (var (name, id) in env.Resellers)
        {
            yield return ["resellers", "--name", name];
            yield return ["resellers", "-n" + name];
            if (id is not null)
                yield return ["resellers", "--id", id];
        }

        foreach (var admin in env.Admins)
            yield return ["admins", "--name", admin];
    }

    /// <summary>A sample panel with a database credential, an administrator in its admin group and an end user who has an account.</summary>
    public sealed class Panel : IDisposable
    {
        public const string Password = "filter-test-secret";
        public const string EmptyReseller = "sfempty";
        public const string UnusedPackage = "Unused";

        private readonly UnixUsers unix = new();

        public Panel()
        {
            var group = unix.CreateGroup("sfadm");
            // An account whose domains are gone (a synced panel may hold one), a reseller without
            // accounts and a package nobody uses: filters that exist and list nothing.
            Install = TempInstall.Create(users: 60, seed: 23, adminGroup: group,
                prepareStore: store => StoreFixture.Execute(store, "DELETE FROM domains WHERE owner = (SELECT min(username) FROM users)"));
            Install.Checked("reseller", "add", EmptyReseller);
            Install.Checked("package", "add", UnusedPackage, "--owner", "admin");
            var run = Run.Program(Install.Binary, ["settings", "db-credential", "--login", "lvestats"], stdin: Password + "\n");
            Assert.True(run.ExitCode == 0, run.ToString());
            Install.Checked("publish");

            using var users = JsonDocument.Parse(Install.FullCpapi(null, "users").Stdout);
            var data = users.RootElement.GetProperty("data").EnumerateArray().ToList();
            Owners = [.. data.Select(u => u.GetProperty("owner").GetString()!).Distinct().Take(6)];
            Packages = [.. data.Where(u => u.GetProperty("package").ValueKind == JsonValueKind.Object)
                .Select(u => (u.GetProperty("package").GetProperty("name").GetString()!, u.GetProperty("package").GetProperty("owner").GetString()!))
                .Distinct().Take(6)];
            Accounts = [.. data.Select(u => u.GetProperty("username").GetString()!).Where((_, i) => i % 7 == 0).Take(8)];
            WithoutDomains = data.Select(u => u.GetProperty("username").GetString()!).Min(StringComparer.Ordinal)!;
            using var domains = JsonDocument.Parse(Install.FullCpapi(null, "domains").Stdout);
            Domains = [.. domains.RootElement.GetProperty("data").EnumerateObject().Select(d => d.Name).Where((_, i) => i % 9 == 0).Take(8)];
            using var resellers = JsonDocument.Parse(Install.FullCpapi(null, "resellers").Stdout);
            Resellers = [.. resellers.RootElement.GetProperty("data").EnumerateArray().Take(5).Select(r => (r.GetProperty("name").GetString()!,
                r.GetProperty("id").ValueKind == JsonValueKind.Number ? r.GetProperty("id").GetInt64().ToString(CultureInfo.InvariantCulture) : null))];
            using var admins = JsonDocument.Parse(Install.FullCpapi(null, "admins").Stdout);
            Admins = [.. admins.RootElement.GetProperty("data").EnumerateArray().Select(a => a.GetProperty("name").GetString()!)];
            Admin = unix.Create("sfa", null, group);
            EndUser = unix.Create("sfu", data[5].GetProperty("id").GetUInt32());
        }

        public TempInstall Install { get; }

        public IReadOnlyList<string> Owners { get; }

        public IReadOnlyList<(string Name, string Owner)> Packages { get; }

        public IReadOnlyList<string> Accounts { get; }

        public IReadOnlyList<string> Domains { get; }

        public string WithoutDomains { get; }

        public IReadOnlyList<(string Name, string? Id)> Resellers { get; }

        public IReadOnlyList<string> Admins { get; }

        public RunAs Admin { get; }

        public RunAs EndUser { get; }

        public void Dispose()
        {
            Install.Dispose();
            unix.Dispose();
        }
    }
}
