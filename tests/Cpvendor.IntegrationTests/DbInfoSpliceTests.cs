using System.Buffers.Binary;
using System.Globalization;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Prerendered;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// Root's db_info answer after a change of database users is the answer file rendered before it
/// with a patch beside it that puts the members of the owners changed in again (docs/cpapi.md, "the
/// db_info answer and its patch"). Real published binaries: after each change of a sequence that
/// adds the first, a middle and the last owner of the mapping, grows and shrinks an owner's list,
/// empties one, renames and deletes owners, the small binary (full binary moved away) serves root
/// exactly the full binary's db_info, while the answer file itself is left as it was; a patch past
/// its bound, a damaged one, one over another answer file and a new credential each end in the
/// full binary's answer, never in another.
/// </summary>
public sealed class DbInfoSpliceTests
{
    private const string Password = "splice-test-secret";

    [Fact]
    public void Each_change_of_database_users_serves_root_the_full_binarys_db_info_from_the_answer_and_its_patch()
    {
        using var install = BookPatchTests.Prepared(users: 24, seed: 51);
        var usernames = SmallCpapiBinaryTests.Usernames(install).Order(StringComparer.Ordinal).ToList();
        var (first, middle, last) = (usernames[0], usernames[usernames.Count / 2], usernames[^1]);
        install.Checked("user", "add", "aaaa0", "--owner", "admin", "--domain", "aaaa0.example", "--uid", "48501");
        install.Checked("user", "add", "zzzz9", "--owner", "admin", "--domain", "zzzz9.example", "--uid", "48502");
        var answer = Identity(AnswerFiles.DbInfo(install.Config));
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
            var when = "after " + string.Join(' ', step);
            AssertServedLikeFullBinary(install, when);
            Assert.True(File.Exists(AnswerFiles.DbInfoPatch(install.Config)), "no db_info patch " + when);
            Assert.True(answer == Identity(AnswerFiles.DbInfo(install.Config)), "the db_info answer file was rewritten " + when);
        }

        Assert.DoesNotContain("dbs_first", install.FullCpapi(null, "db_info").Stdout, StringComparison.Ordinal);
        Assert.Equal("600 0:0", Run.Checked("/usr/bin/stat", "-c", "%a %u:%g", AnswerFiles.DbInfoPatch(install.Config)).Trim());
    }

    [Fact]
    public void A_patch_past_its_bound_of_owners_is_compacted_into_a_new_answer_file()
    {
        using var install = BookPatchTests.Prepared(users: 12, seed: 52);
        var owners = Enumerable.Range(0, 270).Select(i => string.Create(CultureInfo.InvariantCulture, $"dbc{i:D3}")).ToList();
        Batch(install, owners.Select((o, i) => string.Create(CultureInfo.InvariantCulture, $"user add {o} --owner admin --domain {o}.example --uid {48600 + i}")));
        WaitForBuilder(install);
        install.Checked("db", "add", "dbc_one", "--owner", owners[0]);
        var answer = Identity(AnswerFiles.DbInfo(install.Config));
        Assert.True(File.Exists(AnswerFiles.DbInfoPatch(install.Config)));
        AssertServedLikeFullBinary(install, "after one database user");

        // One more owner than a patch holds, in one batch: the answer is rendered whole again.
        Batch(install, owners.Skip(1).Take(256).Select(o => $"db add {o}_db --owner {o}"));
        Assert.NotEqual(answer, Identity(AnswerFiles.DbInfo(install.Config)));
        Assert.False(File.Exists(AnswerFiles.DbInfoPatch(install.Config)), "the patch outlived the answer that replaced it");
        AssertServedLikeFullBinary(install, "after the compaction");
        Assert.Contains(owners[256] + "_db", install.FullCpapi(null, "db_info").Stdout, StringComparison.Ordinal);

        install.Checked("db", "delete", "dbc_one");
        Assert.True(File.Exists(AnswerFiles.DbInfoPatch(install.Config)));
        AssertServedLikeFullBinary(install, "after a change past the compaction");
    }

    [Fact]
    public void A_damaged_patch_or_one_over_another_answer_file_is_never_served()
    {
        using var install = BookPatchTests.Prepared(users: 16, seed: 53);
        var owner = SmallCpapiBinaryTests.Usernames(install)[2];
        install.Checked("db", "add", "dbd_one", "--owner", owner);
        var path = AnswerFiles.DbInfoPatch(install.Config);
        var patch = File.ReadAllBytes(path);
        AssertServedLikeFullBinary(install, "after the patch");

        // A segment reaching past the answer it copies from.
        var segments = (int)BinaryPrimitives.ReadInt64LittleEndian(patch.AsSpan(AnswerBookFormat.HeaderLength + ((int)DbInfoPatchSection.Segments * 16)));
        var damaged = (byte[])patch.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(damaged.AsSpan(segments + 4), 0x7fff_0000);
        AssertRefused(install, damaged, "a segment out of bounds");

        // A segment of an unknown kind.
        damaged = (byte[])patch.Clone();
        BinaryPrimitives.WriteUInt32LittleEndian(damaged.AsSpan(segments), 7);
        AssertRefused(install, damaged, "a segment of an unknown kind");

        // A patch cut short.
        AssertRefused(install, patch[..^5], "a patch cut short");

        // The patch over the file a whole render replaced: applied to the new file, its offsets would cut members apart.
        install.Checked("publish");
        AssertServedLikeFullBinary(install, "after the publish");
        File.WriteAllBytes(path, patch);
        var served = BookPatchTests.WithoutFullBinary(install, () => install.Cpapi("db_info"));
        Assert.Equal(install.FullCpapi(null, "db_info").Stdout, served.Stdout);
    }

    [Fact]
    public void A_new_or_removed_credential_is_published_at_once_and_a_patch_of_the_old_one_is_never_served()
    {
        using var install = BookPatchTests.Prepared(users: 12, seed: 54);
        install.Checked("db", "add", "dbk_one", "--owner", SmallCpapiBinaryTests.Usernames(install)[1]);
        Assert.True(File.Exists(AnswerFiles.DbInfoPatch(install.Config)));

        var run = Run.Program(install.Binary, ["settings", "db-credential", "--login", "lvestats2"], stdin: Password + "\n");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(Password, install.FullCpapi(null, "db_info").Stdout, StringComparison.Ordinal);
        AssertServedLikeFullBinary(install, "after a new credential");
        Assert.False(File.Exists(AnswerFiles.DbInfoPatch(install.Config)), "a patch over the answer of the old credential is left");

        install.Checked("db", "add", "dbk_two", "--owner", SmallCpapiBinaryTests.Usernames(install)[3]);
        AssertServedLikeFullBinary(install, "after a change under the new credential");
        install.Checked("settings", "db-credential", "--remove");
        Assert.Contains("\"mysql\":null", install.FullCpapi(null, "db_info").Stdout, StringComparison.Ordinal);
        AssertServedLikeFullBinary(install, "after the credential was removed");
    }

    /// <summary>The small binary, the full one moved away, prints root exactly the full binary's db_info.</summary>
    private static void AssertServedLikeFullBinary(TempInstall install, string when)
    {
        var expected = install.FullCpapi(null, "db_info").Stdout;
        var served = BookPatchTests.WithoutFullBinary(install, () => install.Cpapi("db_info"));
        Assert.True(served.ExitCode == 0 && served.Stdout == expected, $"{when}: {served}\nexpected: {expected}");
    }

    /// <summary>With <paramref name="patch"/> in place, the small binary hands the call on (and prints nothing of it), and the full path answers.</summary>
    private static void AssertRefused(TempInstall install, byte[] patch, string what)
    {
        var path = AnswerFiles.DbInfoPatch(install.Config);
        var whole = File.ReadAllBytes(path);
        File.WriteAllBytes(path, patch);
        var served = BookPatchTests.WithoutFullBinary(install, () => install.Cpapi("db_info"));
        Assert.True(Envelope.Of(served).Message == SmallCpapiBinaryTests.Unstartable, $"{what}: {served}");
        Assert.DoesNotContain("mapping", served.Stdout, StringComparison.Ordinal);
        Assert.Equal(install.FullCpapi(null, "db_info").Stdout, install.Cpapi("db_info").Stdout);
        File.WriteAllBytes(path, whole);
    }

    /// <summary>Waits until the book builder a wide change started wrote the book and root's db_info answer of the current generation, and let go of their lock.</summary>
    private static void WaitForBuilder(TempInstall install)
    {
        SmallCpapiBinaryTests.WaitForBook(install, patchServes: false);
        var generation = AnswerFiles.Generation(install.Config);
        for (var guard = DateTime.UtcNow + Run.HangGuard; ; Thread.Sleep(50))
        {
            Assert.True(DateTime.UtcNow < guard, "the db_info answer was not rendered for the new generation");
            using (var answer = AnswerBook.OpenDbInfo(AnswerFiles.DbInfo(install.Config)))
            {
                if (answer is null || answer.Stamp != GenerationStamp.Of(generation))
                    continue;
            }

            using var free = Core.FileLock.TryAcquire(Path.Combine(AnswerFiles.ModelFolder(install.Config), ".book.lock"), TimeSpan.Zero);
            if (free is not null)
                return;
        }
    }

    private static void Batch(TempInstall install, IEnumerable<string> lines)
    {
        var run = Run.Program(install.Binary, ["batch"], stdin: string.Join('\n', lines) + "\n");
        Assert.True(run.ExitCode == 0, run.ToString());
    }

    private static string Identity(string path) => Run.Checked("/usr/bin/stat", "-c", "%i %Y.%y %s", path).Trim();
}
