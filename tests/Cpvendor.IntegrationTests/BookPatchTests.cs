using System.Globalization;
using System.Text.Json;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Prerendered;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// A one-account change republishes the answer book as a patch beside it (docs/cpapi.md, "the book
/// patch"): real processes of both binaries after each change of a sequence print the same bytes for
/// every call form, the small one with the full binary moved away, while the book itself stays the
/// file it was. What a patch cannot answer for (a wide change, a damaged patch, a patch over another
/// book) goes to the full binary; a patch grown past its threshold is compacted into a new book.
/// </summary>
public sealed class BookPatchTests
{
    private const string Password = "patch-test-secret";

    [Fact]
    public void One_account_changes_are_served_from_book_and_patch_without_rebuilding_the_book()
    {
        using var install = Prepared(users: 30, seed: 41);
        var book = Identity(SmallCpapiBinaryTests.BookOf(install));
        var owner = Owners(install).First(o => o != "admin");
        string[][] steps =
        [
            ["user", "add", "bpa", "--owner", "admin", "--domain", "bpa.example", "--uid", "48101", "--package", "Bronze"],
            ["user", "add", "aaa0", "--owner", owner, "--domain", "aaa0.example", "--uid", "48102"],
            ["user", "add", "zzz9", "--owner", "admin", "--domain", "zzz9.example", "--uid", "48103"],
            ["domain", "add", "blog.bpa.example", "--owner", "bpa"],
            ["db", "add", "bpa_wp", "--owner", "bpa"],
            ["user", "move", "bpa", "--new-owner", owner],
            ["user", "rename", "bpa", "--new-username", "bpb"],
            ["domain", "rename", "bpa.example", "--new-name", "bpb.example"],
            ["domain", "delete", "blog.bpa.example"],
            ["db", "delete", "bpa_wp"],
            ["user", "delete", "aaa0"],
            ["package", "rename", "Bronze", "--owner", "admin", "--new-name", "Copper"],
            ["user", "delete", Usernames(install)[3]],
        ];
        foreach (var step in steps)
        {
            install.Checked(step);
            Assert.True(File.Exists(AnswerFiles.Patch(install.Config)), "no patch after " + string.Join(' ', step));
            AssertServedLikeFullBinary(install, "after " + string.Join(' ', step));
            Assert.Equal(book, Identity(SmallCpapiBinaryTests.BookOf(install)));
        }
    }

    [Fact]
    public void A_wide_change_never_serves_a_stale_patch_and_its_full_build_replaces_book_and_patch()
    {
        using var install = Prepared(users: 12, seed: 42);
        install.Checked("user", "add", "bpw", "--owner", "admin", "--domain", "bpw.example", "--uid", "48201");
        Assert.True(File.Exists(AnswerFiles.Patch(install.Config)));
        var book = Identity(SmallCpapiBinaryTests.BookOf(install));

        // The panel's PHP versions feed every domain's answer with PHP: the whole book.
        install.Checked("settings", "php", "add", "alt-php84", "--version", "8.4", "--dir", "/opt/alt/php84", "--native", "false");
        var expected = install.FullCpapi(null, "domains", "--with-php").Stdout;
        Assert.Contains("alt-php84", install.FullCpapi(null, "php").Stdout, StringComparison.Ordinal);
        Assert.Equal(expected, install.Cpapi("domains", "--with-php").Stdout);
        Assert.Equal(install.FullCpapi(null, "php").Stdout, install.Cpapi("php").Stdout);

        SmallCpapiBinaryTests.WaitForBook(install, patchServes: false);
        Assert.NotEqual(book, Identity(SmallCpapiBinaryTests.BookOf(install)));
        // The builder removes the patch right after it renames the new book into place.
        for (var guard = DateTime.UtcNow + Run.HangGuard; File.Exists(AnswerFiles.Patch(install.Config)); Thread.Sleep(50))
            Assert.True(DateTime.UtcNow < guard, "the patch outlived the book that replaced it");
        AssertServedLikeFullBinary(install, "after the full build");
    }

    [Fact]
    public void A_damaged_patch_or_one_over_another_book_is_ignored()
    {
        using var install = Prepared(users: 12, seed: 43);
        install.Checked("user", "add", "bpd", "--owner", "admin", "--domain", "bpd.example", "--uid", "48301");
        var patch = AnswerFiles.Patch(install.Config);
        var bookPath = SmallCpapiBinaryTests.BookOf(install);
        Assert.Contains("bpd", WithoutFullBinary(install, () => install.Cpapi("users").Stdout), StringComparison.Ordinal);

        // The book the patch names, with another stamp: a book the patch was not built over.
        var book = File.ReadAllBytes(bookPath);
        var other = (byte[])book.Clone();
        other[24] ^= 0x5a;
        File.WriteAllBytes(bookPath, other);
        Assert.Equal(SmallCpapiBinaryTests.Unstartable, WithoutFullBinary(install, () => Envelope.Of(install.Cpapi("users")).Message));
        File.WriteAllBytes(bookPath, book);
        Assert.Contains("bpd", WithoutFullBinary(install, () => install.Cpapi("users").Stdout), StringComparison.Ordinal);

        // A patch cut short.
        var whole = File.ReadAllBytes(patch);
        File.WriteAllBytes(patch, whole[..(whole.Length - 7)]);
        Assert.Equal(SmallCpapiBinaryTests.Unstartable, WithoutFullBinary(install, () => Envelope.Of(install.Cpapi("domains", "--with-php")).Message));
        Assert.Equal(install.FullCpapi(null, "users").Stdout, install.Cpapi("users").Stdout);
    }

    [Fact]
    public void A_patch_past_its_threshold_is_compacted_into_a_new_book()
    {
        using var install = Prepared(users: 12, seed: 44);
        install.Checked("user", "add", "bpc", "--owner", "admin", "--domain", "bpc.example", "--uid", "48401");
        Assert.True(File.Exists(AnswerFiles.Patch(install.Config)));
        var book = Identity(SmallCpapiBinaryTests.BookOf(install));

        var lines = Enumerable.Range(0, 300).Select(i => string.Create(CultureInfo.InvariantCulture, $"user add bpc{i:D3} --owner admin --domain bpc{i:D3}.example --uid {48500 + i}"));
        var run = Run.Program(install.Binary, ["batch"], stdin: string.Join('\n', lines) + "\n");
        Assert.True(run.ExitCode == 0, run.ToString());

        SmallCpapiBinaryTests.WaitForBook(install, patchServes: false);
        Assert.NotEqual(book, Identity(SmallCpapiBinaryTests.BookOf(install)));
        for (var guard = DateTime.UtcNow + Run.HangGuard; File.Exists(AnswerFiles.Patch(install.Config)); Thread.Sleep(50))
            Assert.True(DateTime.UtcNow < guard, "the patch outlived the book that replaced it");
        Assert.Contains("bpc299", WithoutFullBinary(install, () => install.Cpapi("users", "--fields=id,username").Stdout), StringComparison.Ordinal);
    }

    /// <summary>A sample panel with a package and a database credential, its book built.</summary>
    internal static TempInstall Prepared(int users, int seed)
    {
        var install = TempInstall.Create(users: users, seed: seed);
        install.Checked("package", "add", "Bronze", "--owner", "admin");
        var run = Run.Program(install.Binary, ["settings", "db-credential", "--login", "lvestats"], stdin: Password + "\n");
        Assert.True(run.ExitCode == 0, run.ToString());
        install.Checked("publish");
        SmallCpapiBinaryTests.WaitForBook(install, patchServes: false);
        return install;
    }

    /// <summary>Every call form, from the small binary with the full one moved away, equals the full binary's bytes.</summary>
    private static void AssertServedLikeFullBinary(TempInstall install, string when)
    {
        var calls = Calls(install).ToList();
        var expected = calls.Select(args => install.FullCpapi(null, args).Stdout).ToList();
        var served = WithoutFullBinary(install, () => calls.Select(args => install.Cpapi(args).Stdout).ToList());
        var mismatches = calls.Where((_, i) => served[i] != expected[i]).Select(args => string.Join(' ', args)).ToList();
        Assert.True(mismatches.Count == 0, when + ": " + string.Join("\n", mismatches.Take(5)));
    }

    private static IEnumerable<string[]> Calls(TempInstall install)
    {
        string[][] dumps =
        [
            ["users"], ["users", "--fields=id,username"], ["users", "--fields=domain,package,email"], ["domains"], ["domains", "--with-php"],
            ["packages"], ["resellers"], ["admins"], ["php"], ["db_info"],
        ];
        foreach (var dump in dumps)
            yield return dump;
        using var users = JsonDocument.Parse(install.FullCpapi(null, "users").Stdout);
        foreach (var user in users.RootElement.GetProperty("data").EnumerateArray().Where((_, i) => i % 3 == 0))
        {
            var name = user.GetProperty("username").GetString()!;
            yield return ["users", "--username", name];
            yield return ["users", "--unix-id", user.GetProperty("id").GetUInt32().ToString(CultureInfo.InvariantCulture), "--fields=id,domain"];
            yield return ["domains", "--owner", name];
            yield return ["domains", "--owner", name, "--with-php"];
        }

        foreach (var owner in Owners(install))
        {
            yield return ["users", "--owner", owner];
            yield return ["packages", "--owner", owner];
        }

        using var packages = JsonDocument.Parse(install.FullCpapi(null, "packages").Stdout);
        foreach (var package in packages.RootElement.GetProperty("data").EnumerateArray())
            yield return ["users", "--package-name", package.GetProperty("name").GetString()!, "--package-owner", package.GetProperty("owner").GetString()!];
        using var domains = JsonDocument.Parse(install.FullCpapi(null, "domains").Stdout);
        foreach (var domain in domains.RootElement.GetProperty("data").EnumerateObject().Where((_, i) => i % 3 == 0))
        {
            yield return ["domains", "--name", domain.Name];
            yield return ["domains", "--name", domain.Name, "--with-php"];
        }
    }

    private static List<string> Owners(TempInstall install)
    {
        using var users = JsonDocument.Parse(install.FullCpapi(null, "users").Stdout);
        return [.. users.RootElement.GetProperty("data").EnumerateArray().Select(u => u.GetProperty("owner").GetString()!).Distinct().Order(StringComparer.Ordinal)];
    }

    private static List<string> Usernames(TempInstall install) => SmallCpapiBinaryTests.Usernames(install);

    /// <summary>The file's inode and modification time: the same file, never rewritten.</summary>
    private static string Identity(string path) => Run.Checked("/usr/bin/stat", "-c", "%i %Y.%y", path).Trim();

    internal static T WithoutFullBinary<T>(TempInstall install, Func<T> body)
    {
        var binary = install.Binary;
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
}
