using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Prerendered;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// Root's db_info answer after a change of database users is the one before with the mapping
/// members of the owners changed put in again (docs/cpapi.md, "the book patch"). Real published
/// binaries: after each change of a sequence that adds the first, a middle and the last owner of the
/// mapping, grows and shrinks an owner's list, empties one, renames and deletes owners, the small
/// binary (full binary moved away) serves root exactly the full binary's db_info.
/// </summary>
public sealed class DbInfoSpliceTests
{
    [Fact]
    public void Each_change_of_database_users_serves_root_the_full_binarys_db_info_from_the_published_answer()
    {
        using var install = BookPatchTests.Prepared(users: 24, seed: 51);
        var usernames = SmallCpapiBinaryTests.Usernames(install).Order(StringComparer.Ordinal).ToList();
        var (first, middle, last) = (usernames[0], usernames[usernames.Count / 2], usernames[^1]);
        install.Checked("user", "add", "aaaa0", "--owner", "admin", "--domain", "aaaa0.example", "--uid", "48501");
        install.Checked("user", "add", "zzzz9", "--owner", "admin", "--domain", "zzzz9.example", "--uid", "48502");
        string[][] steps =
        [
            ["db", "add", "dbs_first", "--owner", "aaaa0"],
            ["db", "add", "dbs_last", "--owner", "zzzz9"],
            ["db", "add", "dbs_mid", "--owner", middle],
            ["db", "add", "dbs_mid0", "--owner", middle],
            ["db", "add", "dbs_a", "--owner", first],
            ["db", "add", "dbs_z", "--owner", last],
            ["db", "rename", "dbs_mid", "--new-name", "dbs_mid9"],
            ["db", "delete", "dbs_mid0"],
            ["db", "delete", "dbs_a"],
            ["user", "rename", "zzzz9", "--new-username", "mmmm5"],
            ["db", "add", "dbs_m2", "--owner", "mmmm5"],
            ["user", "delete", "aaaa0"],
            ["user", "delete", "mmmm5"],
        ];
        foreach (var step in steps)
        {
            install.Checked(step);
            var expected = install.FullCpapi(null, "db_info").Stdout;
            Assert.Contains("\"mapping\"", expected, StringComparison.Ordinal);
            var served = BookPatchTests.WithoutFullBinary(install, () => install.Cpapi("db_info"));
            Assert.True(served.ExitCode == 0 && served.Stdout == expected, $"after {string.Join(' ', step)}: {served}\nexpected: {expected}");
        }

        Assert.DoesNotContain("dbs_first", install.FullCpapi(null, "db_info").Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(AnswerFiles.DbInfo(install.Config)));
    }
}
