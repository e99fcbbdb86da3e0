using System.Globalization;
using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Store.ReadModel;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// ARCHITECTURE.md, "the publisher": a small change patches the spare generation with the pages the
/// commits since its state wrote, as the store's page log (<c>&lt;store&gt;-pages</c>) records them;
/// whatever the log cannot vouch for (a write by another program, a killed writer, a VACUUM) makes
/// the publisher compare every page. Either way each generation is the store, byte for byte. Each
/// change here is a command of the installed binary stopped right after its commit (its
/// <c>fault-point</c>), or a plain SQLite connection; the publish is then this process's, so nothing
/// writes the store between the publish and the comparison.
/// </summary>
public sealed class PageLogTests
{
    private const string BumpRevision = "UPDATE panel SET revision = revision + 1 WHERE id = 1;";

    [Fact]
    public void A_small_change_copies_only_the_pages_its_commits_wrote_and_a_foreign_write_makes_every_page_compared()
    {
        using var install = TempInstall.Create(users: 30);
        var before = new FileInfo(install.Store).Length;
        // Pages no account change ever touches, written by a plain SQLite connection (no page log).
        Sql(install.Store, "CREATE TABLE ballast(b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200) INSERT INTO ballast SELECT randomblob(3000) FROM n;" + BumpRevision);
        var after = new FileInfo(install.Store).Length;
        Publish(install);
        Add(install, "plg1", 47101);
        Add(install, "plg2", 47102);

        // A byte changed in a ballast page of the spare: the next change's publish patches the spare
        // and neither reads nor writes that page.
        var spare = ReadModelFiles.Spare(install.Config);
        var offset = ((before + after) / 2 / 4096 * 4096) + 2000;
        var spareInode = Core.Native.Libc.Inode(spare);
        Flip(spare, offset);
        Add(install, "plg3", 47103, compare: false);
        var current = ReadModelFiles.Current(install.Config);
        Assert.Equal(spareInode, Core.Native.Libc.Inode(current));
        var generation = File.ReadAllBytes(current);
        var store = File.ReadAllBytes(install.Store);
        Assert.NotEqual(store[offset], generation[offset]);
        generation[offset] ^= 0xff;
        Assert.Equal(store, generation);

        // A change the log has no record of: the next publish compares every page and mends the same byte.
        spare = ReadModelFiles.Spare(install.Config);
        Flip(spare, offset);
        Sql(install.Store, "UPDATE domains SET document_root = document_root || '/moved' WHERE rowid = (SELECT min(rowid) FROM domains);" + BumpRevision);
        Publish(install);
    }

    [Fact]
    public void Every_generation_is_the_store_through_logged_killed_foreign_and_vacuumed_changes()
    {
        using var install = TempInstall.Create(users: 300);
        Add(install, "plk1", 47201);
        Add(install, "plk2", 47202);
        Add(install, "plk3", 47203);

        // A write by another program, then changes of this binary again.
        Sql(install.Store, "UPDATE domains SET document_root = document_root || '/x' WHERE rowid % 5 = 0;" + BumpRevision);
        Publish(install);
        Add(install, "plk4", 47204);
        Add(install, "plk5", 47205);

        // A writer killed after its transaction spilled pages into the store: the publish rolls the
        // hot journal back (writing those pages again), and the generation is the store as it was.
        var killed = Run.Program("/usr/bin/python3", ["-c",
            $"import os, signal, sqlite3\nc = sqlite3.connect('{install.Store}', isolation_level=None)\nc.execute('PRAGMA cache_size = 1')\nc.execute('BEGIN IMMEDIATE')\nc.execute(\"UPDATE domains SET document_root = document_root || '/spilled'\")\nos.kill(os.getpid(), signal.SIGKILL)\n"]);
        Assert.Equal(137, killed.ExitCode);
        Assert.True(new FileInfo(install.Store + "-journal").Length > 512, "the killed writer left no hot journal");
        ReadModelPublisher.Publish(install.Config);
        Assert.False(File.Exists(install.Store + "-journal"));
        AssertGenerationIsTheStore(install);
        Add(install, "plk6", 47206);

        // A command of this binary killed inside its transaction, before its commit.
        var faultPoint = Path.Combine(InstallLayout.Under(install.Root, InstallLayout.EtcDir), "fault-point");
        File.WriteAllText(faultPoint, "before-commit\n");
        Assert.Equal(137, install.Command("user", "add", "plkx", "--owner", "admin", "--domain", "plkx.example", "--uid", "47299").ExitCode);
        File.Delete(faultPoint);
        ReadModelPublisher.Publish(install.Config);
        AssertGenerationIsTheStore(install);
        Add(install, "plk7", 47207);

        // A table grown and dropped, then a VACUUM: every page rewritten and the file shorter.
        Sql(install.Store, "CREATE TABLE scratch AS SELECT * FROM domains; DROP TABLE scratch;" + BumpRevision);
        Publish(install);
        var grown = new FileInfo(install.Store).Length;
        Sql(install.Store, "VACUUM;" + BumpRevision);
        Assert.True(new FileInfo(install.Store).Length < grown, "the VACUUM did not shrink the store");
        Publish(install);
        Change(install, "user", "delete", "plk6");
        Change(install, "user", "delete", "plk7");
        Add(install, "plk8", 47208);
        Assert.Equal("ok", StoreCheck.Scalar(ReadModelFiles.Current(install.Config), "PRAGMA integrity_check"));

        var log = Core.Native.Libc.LinkStatus(install.Store + "-pages");
        Assert.NotNull(log);
        Assert.Equal(Core.Native.Libc.TypeRegular | 0b110_000_000, log.Value.Mode);
        Assert.Equal(0u, log.Value.Uid);
    }

    [Fact]
    public void A_link_planted_at_the_page_log_is_never_followed()
    {
        using var install = TempInstall.Create(users: 30);
        var victim = Path.Combine(Path.GetDirectoryName(install.Store)!, "victim");
        File.WriteAllText(victim, "untouched\n");
        var log = install.Store + "-pages";
        File.Delete(log);
        File.CreateSymbolicLink(log, victim);
        Add(install, "pll1", 47301);
        Add(install, "pll2", 47302);
        Add(install, "pll3", 47303);
        Assert.Equal("untouched\n", File.ReadAllText(victim));
        var status = Core.Native.Libc.LinkStatus(log);
        Assert.NotNull(status);
        Assert.Equal(Core.Native.Libc.TypeRegular | 0b110_000_000, status.Value.Mode);
    }

    private static void Add(TempInstall install, string name, int uid, bool compare = true) =>
        Change(install, compare, "user", "add", name, "--owner", "admin", "--domain", name + ".example", "--uid", uid.ToString(CultureInfo.InvariantCulture));

    private static void Change(TempInstall install, params string[] args) => Change(install, true, args);

    /// <summary>Runs a lifecycle command stopped right after its commit, then publishes here.</summary>
    private static void Change(TempInstall install, bool compare, params string[] args)
    {
        var faultPoint = Path.Combine(InstallLayout.Under(install.Root, InstallLayout.EtcDir), "fault-point");
        File.WriteAllText(faultPoint, "after-commit\n");
        try
        {
            var run = install.Command(args);
            Assert.True(run.ExitCode == 137, $"{string.Join(' ', args)} was not stopped after its commit: {run.ExitCode} {run.Stderr}");
        }
        finally
        {
            File.Delete(faultPoint);
        }

        Assert.Equal(PublishOutcome.Published, ReadModelPublisher.Publish(install.Config));
        if (compare)
            AssertGenerationIsTheStore(install);
    }

    private static void Publish(TempInstall install)
    {
        Assert.Equal(PublishOutcome.Published, ReadModelPublisher.Publish(install.Config));
        AssertGenerationIsTheStore(install);
    }

    private static void AssertGenerationIsTheStore(TempInstall install) =>
        Assert.True(File.ReadAllBytes(install.Store).AsSpan().SequenceEqual(File.ReadAllBytes(ReadModelFiles.Current(install.Config))), "the current generation is not the store byte for byte");

    private static void Sql(string store, string sql)
    {
        var run = Run.Program("/usr/bin/python3", ["-c", "import sqlite3, sys\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\nc.executescript(sys.argv[2])\nc.close()\n", store, sql]);
        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    private static void Flip(string path, long offset)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var one = new byte[1];
        RandomAccess.Read(file.SafeFileHandle, one, offset);
        one[0] ^= 0xff;
        RandomAccess.Write(file.SafeFileHandle, one, offset);
    }
}
