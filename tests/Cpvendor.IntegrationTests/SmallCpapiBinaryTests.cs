using System.Text.Json;
using Cpvendor.Contract;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Prerendered;
using Cpvendor.Store;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// The small binary integration.ini's script lines name (docs/cpapi.md, "the small binary"): it
/// prints, byte for byte, what <c>cpvendor cpapi</c> prints for every call; it answers the indexed
/// calls from the answer book without the full binary; it ignores a book that is half-written,
/// damaged, of another generation or past the data's maximum age; and a lifecycle change is in the
/// answer of the next call.
/// </summary>
public sealed class SmallCpapiBinaryTests
{
    [Fact]
    public void The_default_install_names_the_small_binary_on_every_script_line()
    {
        using var install = TempInstall.Create(users: 5);

        var ini = File.ReadAllText(install.Ini);

        foreach (var script in Grammar.Scripts)
            Assert.Contains($"{script.Script} = {install.SmallBinary} {script.Script}\n", ini, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_call_of_root_prints_what_the_full_binary_prints()
    {
        using var install = TempInstall.Create(users: 60, seed: 11);
        var calls = IndexedCalls(install).Concat(OtherCalls(install)).ToList();

        var mismatches = calls.Select(args => Mismatch(install, null, args)).OfType<string>().ToList();

        Assert.True(calls.Count > 300, $"only {calls.Count} calls");
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(5)));
    }

    [Fact]
    public void Fuzzed_arguments_get_the_full_binarys_envelope()
    {
        using var install = TempInstall.Create(users: 20, seed: 5);
        var mismatches = new List<string>();
        foreach (var grammar in Grammar.Scripts)
        {
            var fuzzer = new ArgumentFuzzer(grammar, seed: 31);
            for (var i = 0; i < 25; i++)
            {
                if (Mismatch(install, null, fuzzer.Next()) is { } mismatch)
                    mismatches.Add(mismatch);
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(5)));
    }

    [Fact]
    public void Indexed_calls_are_answered_without_the_full_binary_and_others_are_handed_to_it()
    {
        using var install = TempInstall.Create(users: 30, seed: 3);
        var indexed = IndexedCalls(install).ToList();
        var expected = indexed.Select(args => install.FullCpapi(null, args).Stdout).ToList();

        File.Move(install.Binary, install.Binary + ".away");
        try
        {
            for (var i = 0; i < indexed.Count; i++)
                Assert.Equal(expected[i], install.Cpapi(indexed[i]).Stdout);
            foreach (var other in new[] { ["users", "--owner", "x"], ["admins", "--name", "x"], ["users", "--bogus"], new[] { "nosuchscript" } })
                Assert.Equal(Unstartable, Envelope.Of(install.Cpapi(other)).Message);
        }
        finally
        {
            File.Move(install.Binary + ".away", install.Binary);
        }
    }

    [Theory]
    [InlineData("half")]
    [InlineData("empty")]
    [InlineData("magic")]
    [InlineData("length")]
    public void A_half_written_or_damaged_book_is_not_read(string damage)
    {
        using var install = TempInstall.Create(users: 30, seed: 4);
        var book = BookOf(install);
        var bytes = File.ReadAllBytes(book);
        File.WriteAllBytes(book, damage switch
        {
            "half" => bytes[..(bytes.Length / 2)],
            "empty" => [],
            "magic" => [(byte)'X', .. bytes[1..]],
            _ => [.. bytes, 0],
        });

        foreach (var args in IndexedCalls(install).Take(20))
            Assert.Null(Mismatch(install, null, args));
        File.Move(install.Binary, install.Binary + ".away");
        try
        {
            Assert.Equal(Unstartable, Envelope.Of(install.Cpapi("users")).Message);
        }
        finally
        {
            File.Move(install.Binary + ".away", install.Binary);
        }

        // The next publish replaces it and removes what a killed builder left half-written.
        var left = Path.Combine(Path.GetDirectoryName(book)!, ".answers.book.1.0.tmp");
        File.WriteAllBytes(left, bytes[..(bytes.Length / 3)]);
        install.Checked("publish");
        Assert.False(File.Exists(left));
        Assert.Equal(bytes.Length, new FileInfo(book).Length);
    }

    [Fact]
    public void A_book_of_an_older_generation_is_not_read()
    {
        using var install = TempInstall.Create(users: 30, seed: 6);
        var book = BookOf(install);
        var old = File.ReadAllBytes(book);
        var owner = Usernames(install)[0];
        install.Checked("user", "add", "freshone", "--owner", Owner(install, owner), "--domain", "freshone.example", "--uid", "39999");
        WaitForBook(install);
        File.WriteAllBytes(book, old);

        var answer = install.Cpapi("users").Stdout;

        Assert.Equal(install.FullCpapi(null, "users").Stdout, answer);
        Assert.Contains("\"username\":\"freshone\"", answer, StringComparison.Ordinal);
        Assert.Equal("ok", Envelope.Of(install.Cpapi("users", "--username", "freshone")).Result);
    }

    [Fact]
    public void A_lifecycle_change_is_in_the_answer_of_the_next_call()
    {
        using var install = TempInstall.Create(users: 30, seed: 8);
        var owner = Owner(install, Usernames(install)[0]);
        string[][] calls = [["users", "--username", "nextcall"], ["users", "--unix-id", "39998"], ["domains", "--name", "nextcall.example"], ["users"]];

        install.Checked("user", "add", "nextcall", "--owner", owner, "--domain", "nextcall.example", "--uid", "39998");

        // Right away: from the book if it is already rebuilt, else from the full path.
        foreach (var args in calls)
        {
            var small = install.Cpapi(args);
            Assert.Equal(install.FullCpapi(null, args).Stdout, small.Stdout);
            Assert.Contains("nextcall", small.Stdout, StringComparison.Ordinal);
        }

        // And once the book the command started is in place, from the book alone.
        WaitForBook(install);
        var expected = calls.Select(args => install.FullCpapi(null, args).Stdout).ToList();
        File.Move(install.Binary, install.Binary + ".away");
        try
        {
            for (var i = 0; i < calls.Length; i++)
                Assert.Equal(expected[i], install.Cpapi(calls[i]).Stdout);
        }
        finally
        {
            File.Move(install.Binary + ".away", install.Binary);
        }

        install.Checked("user", "delete", "nextcall");

        Assert.Equal("NotFound", Envelope.Of(install.Cpapi("users", "--username", "nextcall")).Result);
        Assert.DoesNotContain("nextcall", install.Cpapi("users").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_book_past_the_sources_maximum_age_stops_answering()
    {
        using var install = TempInstall.Create(users: 10, seed: 9);
        // A database source whose last good sync leaves the data a few seconds to live. The book must
        // answer before then: a machine too loaded to publish and call in that window is given a
        // window twice as long, so only the expiry is judged, never the machine's speed.
        long expiry;
        RunResult fresh, full;
        for (var window = 2L; ; window *= 2)
        {
            expiry = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + window;
            StoreFixture.Execute(install.Store, $"UPDATE source SET kind = 'mysql', max_age_seconds = 3600, last_good_sync = {expiry - 3600} WHERE id = 1");
            install.Checked("publish");
            fresh = install.Cpapi("users");
            full = install.FullCpapi(null, "users");
            if (DateTimeOffset.UtcNow.ToUnixTimeSeconds() < expiry)
                break;
            Assert.True(window < 600, "not even ten minutes were enough to publish and make two calls");
        }

        Assert.Equal("ok", Envelope.Of(fresh).Result);
        Assert.Equal(full.Stdout, fresh.Stdout);
        while (DateTimeOffset.UtcNow.ToUnixTimeSeconds() <= expiry + 1)
            Thread.Sleep(250);

        var stale = Envelope.Of(install.Cpapi("users"));

        Assert.Equal(Envelope.Of(install.FullCpapi(null, "users")).Result, stale.Result);
        Assert.NotEqual("ok", stale.Result);
        File.Move(install.Binary, install.Binary + ".away");
        try
        {
            Assert.Equal(Unstartable, Envelope.Of(install.Cpapi("users")).Message);
        }
        finally
        {
            File.Move(install.Binary + ".away", install.Binary);
        }
    }

    /// <summary>
    /// Waits until the book a lifecycle command started is built for the current generation (the
    /// builder runs after the command returns). Bounded only to fail rather than hang.
    /// </summary>
    /// <summary>Waits until the book, or the book and its patch, answer for the current generation (a one-account change writes a patch).</summary>
    internal static void WaitForBook(TempInstall install) => WaitForBook(install, patchServes: true);

    /// <summary>Waits until the book itself was built from the current generation.</summary>
    internal static void WaitForBook(TempInstall install, bool patchServes)
    {
        var generation = Path.Combine(install.Config.DataDir, "model", "panel.db");
        for (var guard = DateTime.UtcNow + Run.HangGuard; DateTime.UtcNow < guard;)
        {
            var book = File.Exists(BookOf(install)) ? File.ReadAllBytes(BookOf(install)) : [];
            if (book.Length >= AnswerBookFormat.HeaderLength && AnswerBookFormat.StampOf(book) == GenerationStamp.Of(generation))
                return;
            if (patchServes)
            {
                using var view = BookView.Open(install.Config, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
                if (view is not null)
                    return;
            }

            Thread.Sleep(50);
        }

        Assert.Fail("the answer book was not rebuilt after the lifecycle command");
    }

    internal const string Unstartable = "the cpvendor binary beside cpvendor-cpapi could not be run: reinstall cpvendor";

    internal static string BookOf(TempInstall install) => Path.Combine(install.Config.DataDir, "model", "answers.book");

    /// <summary>Null when both binaries print the same bytes, exit the same way and write no stderr; else what differs.</summary>
    internal static string? Mismatch(TempInstall install, RunAs? user, string[] args)
    {
        var full = install.FullCpapi(user, args);
        var small = install.Cpapi(user, args);
        if (full.Stdout == small.Stdout && full.ExitCode == small.ExitCode && small.Stderr.Length == 0)
            return null;
        return $"{string.Join(' ', args)}:\n  full:  {Shorten(full.Stdout)}\n  small: {Shorten(small.Stdout)} {small.Stderr}";
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";

    /// <summary>Every call form the book answers: unfiltered lists, each user by id and name, --fields sets, each domain by name.</summary>
    internal static IEnumerable<string[]> IndexedCalls(TempInstall install)
    {
        string[] lists = ["panel_info", "users", "domains", "packages", "resellers", "admins", "php"];
        foreach (var script in lists)
            yield return [script];
        var fields = Grammar.UserFields;
        for (var mask = 1; mask < 1 << fields.Count; mask++)
            yield return ["users", "--fields=" + string.Join(',', fields.Where((_, i) => (mask & (1 << i)) != 0).Reverse())];
        using var users = JsonDocument.Parse(install.FullCpapi(null, "users").Stdout);
        foreach (var user in users.RootElement.GetProperty("data").EnumerateArray().Take(25))
        {
            var name = user.GetProperty("username").GetString()!;
            var uid = user.GetProperty("id").GetUInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return ["users", "--username", name];
            yield return ["users", "--username=" + name, "--fields", "username,domain"];
            yield return ["users", "--unix-id", uid];
            yield return ["users", "--unix-id=" + uid, "--fields=id,package,email"];
        }

        using var domains = JsonDocument.Parse(install.FullCpapi(null, "domains").Stdout);
        foreach (var domain in domains.RootElement.GetProperty("data").EnumerateObject().Take(25))
        {
            yield return ["domains", "--name", domain.Name];
            yield return ["domains", "-n" + domain.Name];
        }
    }

    /// <summary>Filters (SmallCpapiFilterTests shows which the book serves), names it does not hold, errors.</summary>
    private static IEnumerable<string[]> OtherCalls(TempInstall install)
    {
        var owner = Owner(install, Usernames(install)[0]);
        yield return ["db_info"];
        yield return ["users", "--owner", owner];
        yield return ["users", "--username", "nosuchuser"];
        yield return ["users", "--unix-id", "4294967294"];
        yield return ["users", "--unix-id", "007"];
        yield return ["users", "--username", "a", "--unix-id", "1"];
        yield return ["users", "--fields="];
        yield return ["users", "--fields=id,nosuch"];
        yield return ["users", "--bogus"];
        yield return ["domains", "--with-php"];
        yield return ["domains", "--name", Domain(install), "--with-php"];
        yield return ["domains", "--owner", owner];
        yield return ["domains", "--owner", owner, "--with-php"];
        yield return ["domains", "--name", "nosuch.example"];
        yield return ["domains", "--with-php=1"];
        yield return ["packages", "--owner", owner];
        yield return ["resellers", "--id", "1"];
        yield return ["admins", "--is-main", "true"];
        yield return ["php", "--x"];
        yield return ["panel_info", "extra"];
        yield return ["nosuchscript"];
        yield return [];
    }

    internal static List<string> Usernames(TempInstall install)
    {
        using var users = JsonDocument.Parse(install.FullCpapi(null, "users").Stdout);
        return [.. users.RootElement.GetProperty("data").EnumerateArray().Select(u => u.GetProperty("username").GetString()!)];
    }

    private static string Domain(TempInstall install)
    {
        using var domains = JsonDocument.Parse(install.FullCpapi(null, "domains").Stdout);
        return domains.RootElement.GetProperty("data").EnumerateObject().First().Name;
    }

    private static string Owner(TempInstall install, string username)
    {
        using var user = JsonDocument.Parse(install.FullCpapi(null, "users", "--username", username).Stdout);
        return user.RootElement.GetProperty("data")[0].GetProperty("owner").GetString()!;
    }
}
