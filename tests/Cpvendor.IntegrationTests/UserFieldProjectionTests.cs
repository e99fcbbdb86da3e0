using Cpvendor.Contract;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Prerendered;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// <c>users --fields</c> as the small binary assembles it from the answer book, one range per run of
/// fields that are next to each other in a record (docs/cpapi.md, "the answer book"): for every
/// subset of the user fields, named in wire order, in reverse and shuffled, unfiltered and filtered by
/// owner, the small binary with the full binary moved away prints the full binary's bytes, from the
/// book alone and from the book and a patch whose records sit among the base's.
/// </summary>
public sealed class UserFieldProjectionTests
{
    [Fact]
    public void Every_field_subset_is_served_from_the_book_with_the_full_binarys_bytes()
    {
        using var install = BookPatchTests.Prepared(users: 25, seed: 61);
        Assert.False(File.Exists(AnswerFiles.Patch(install.Config)));

        AssertEverySubsetServed(install);
    }

    [Fact]
    public void Every_field_subset_is_served_from_the_book_and_its_patch_with_the_full_binarys_bytes()
    {
        using var install = BookPatchTests.Prepared(users: 25, seed: 62);
        var first = SmallCpapiBinaryTests.Usernames(install)[0];
        install.Checked("user", "add", "aaa0", "--owner", "admin", "--domain", "aaa0.example", "--uid", "48701", "--package", "Bronze");
        install.Checked("user", "add", "zzz9", "--owner", "admin", "--domain", "zzz9.example", "--uid", "48702");
        install.Checked("user", "rename", first, "--new-username", first + "x");
        Assert.True(File.Exists(AnswerFiles.Patch(install.Config)));
        var names = install.FullCpapi(null, "users", "--fields=username").Stdout;
        Assert.All(["aaa0", "zzz9", first + "x"], name => Assert.Contains($"\"{name}\"", names, StringComparison.Ordinal));

        AssertEverySubsetServed(install);
    }

    private static void AssertEverySubsetServed(TempInstall install)
    {
        var calls = Calls().ToList();
        var expected = calls.Select(args => install.FullCpapi(null, args)).ToList();
        Assert.All(expected, run => Assert.Equal("ok", Envelope.Of(run).Result));

        var served = BookPatchTests.WithoutFullBinary(install, () => calls.Select(args => install.Cpapi(args).Stdout).ToList());

        var mismatches = calls.Where((_, i) => served[i] != expected[i].Stdout).Select(args => string.Join(' ', args)).ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches.Take(5)));
    }

    /// <summary>Each of the 127 subsets, named in wire order, reversed or shuffled, over all users and one owner's.</summary>
    private static IEnumerable<string[]> Calls()
    {
        var fields = Grammar.UserFields;
        var random = new Random(17);
        for (var mask = 1; mask < 1 << fields.Count; mask++)
        {
            var chosen = fields.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
            var named = (mask % 3) switch
            {
                0 => chosen,
                1 => [.. chosen.Reverse()],
                _ => [.. chosen.OrderBy(_ => random.Next())],
            };
            yield return ["users", "--fields=" + string.Join(',', named)];
            if (mask % 5 == 0)
                yield return ["users", "--owner", "admin", "--fields", string.Join(',', named)];
        }
    }
}
