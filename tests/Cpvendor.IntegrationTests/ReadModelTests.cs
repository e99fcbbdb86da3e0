using System.Diagnostics;
using Cpvendor.Core;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Store.ReadModel;
using Microsoft.Data.Sqlite;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// docs/contract.md section 2 and ARCHITECTURE.md, "the read side": every cpapi call answers from the
/// last published read-model generation and never touches the live store, so a crashed writer, a
/// pending migration, a stalled reader or a full disk leaves every call answering.
/// </summary>
public sealed class ReadModelTests
{
    private static readonly string[] AdminScripts = ["packages", "users", "domains", "resellers", "admins", "php"];

    [Fact]
    public void A_writer_killed_inside_its_transaction_leaves_every_call_answering_the_last_generation()
    {
        using var install = TempInstall.Create(users: 300);
        var before = AdminScripts.ToDictionary(s => s, s => Envelope.Of(install.Cpapi(s)).Is("ok").Run.Stdout);
        // A writer whose transaction outgrew its page cache has written pages into the store file
        // itself; killed there, it leaves a hot journal that only a writer can roll back.
        var killed = Run.Program("/usr/bin/python3", ["-c",
            $"import os, signal, sqlite3\nc = sqlite3.connect('{install.Store}', isolation_level=None)\nc.execute('PRAGMA cache_size = 1')\nc.execute('BEGIN IMMEDIATE')\nc.execute(\"UPDATE domains SET document_root = document_root || '/spilled'\")\nos.kill(os.getpid(), signal.SIGKILL)\n"]);
        Assert.Equal(137, killed.ExitCode);
        Assert.True(new FileInfo(install.Store + "-journal").Length > 512, "the killed writer left no hot journal");

        foreach (var script in AdminScripts)
            Assert.Equal(before[script], Envelope.Of(install.Cpapi(script)).Is("ok").Run.Stdout);

        // The next publish rolls the journal back: the store and the generation are what they were.
        install.Checked("publish");
        Assert.False(File.Exists(install.Store + "-journal"));
        foreach (var script in AdminScripts)
            Assert.Equal(before[script], Envelope.Of(install.Cpapi(script)).Is("ok").Run.Stdout);
    }

    [Fact]
    public void The_live_store_is_root_only_and_an_administrator_cannot_open_it_but_is_answered()
    {
        using var unix = new UnixUsers();
        var group = unix.CreateGroup("rmadm");
        var admin = unix.Create("rmadm", null, group);
        using var install = TempInstall.Create(users: 5, adminGroup: group);

        Assert.Equal("0 0 600", Run.Checked("/usr/bin/stat", "-c", "%u %g %a", install.Store).Trim());
        var open = Run.Program("/usr/bin/python3", ["-c", $"import sqlite3; sqlite3.connect('file:{install.Store}?mode=ro', uri=True).execute('BEGIN').execute('SELECT count(*) FROM users').fetchall()"], admin);
        Assert.NotEqual(0, open.ExitCode);
        Assert.Contains("unable to open database file", open.Stderr);

        Assert.Equal(Envelope.Of(install.Cpapi("users")).Is("ok").Run.Stdout, Envelope.Of(install.Cpapi(admin, "users")).Is("ok").Run.Stdout);
    }

    [Fact]
    public void An_administrator_holding_a_read_transaction_on_the_read_model_stalls_no_writer_and_no_caller()
    {
        using var unix = new UnixUsers();
        var group = unix.CreateGroup("rmhold");
        var admin = unix.Create("rmhold", null, group);
        using var install = TempInstall.Create(users: 5, adminGroup: group);
        var generation = ReadModelFiles.Current(install.Config);

        // The read transaction stays open until stdin closes: as long as this test runs.
        var script = $"import sqlite3, sys\nc = sqlite3.connect('file:{generation}?mode=ro', uri=True, isolation_level=None)\nc.execute('BEGIN')\nprint(c.execute('SELECT count(*) FROM users').fetchone()[0], flush=True)\nsys.stdin.read()\n";
        using var holder = Start("/usr/bin/setpriv", [$"--reuid={admin.Uid}", $"--regid={admin.Gid}", "--init-groups", "--", "/usr/bin/python3", "-c", script]);
        Assert.Equal("5", holder.StandardOutput.ReadLine());

        install.Checked("user", "add", "rmfresh", "--owner", "admin", "--domain", "rmfresh.example", "--uid", "47002");

        Envelope.Of(install.Cpapi(admin, "users", "--username=rmfresh")).Is("ok");
        Assert.Equal(6, Envelope.Of(install.Cpapi(admin, "users")).Is("ok").Data.GetArrayLength());
        holder.StandardInput.Close();
        holder.WaitForExit();
    }

    [Fact]
    public void A_binary_upgraded_before_its_store_is_migrated_answers_from_the_last_generation()
    {
        using var install = TempInstall.Create(users: 10);
        var before = AdminScripts.ToDictionary(s => s, s => Envelope.Of(install.Cpapi(s)).Is("ok").Run.Stdout);

        // What the previous release wrote: the store and its generation one schema version behind.
        Downgrade(install.Store);
        var generation = ReadModelFiles.Current(install.Config);
        var old = generation + ".old";
        File.Copy(install.Store, old);
        File.SetUnixFileMode(old, (UnixFileMode)0b110_100_000);
        File.Move(old, generation, overwrite: true);
        Assert.Equal(PanelStoreVersion() - 1, UserVersion(generation));

        foreach (var script in AdminScripts)
            Assert.Equal(before[script], Envelope.Of(install.Cpapi(script)).Is("ok").Run.Stdout);
        Envelope.Of(install.Cpapi("users", "--username=nobody")).Is("NotFound");
    }

    [Fact]
    public void A_publish_that_finds_the_disk_full_keeps_the_previous_generation_serving_and_loses_nothing()
    {
        using var install = TempInstall.Create(users: 20);
        var folder = ReadModelFiles.Folder(install.Config);
        var size = new FileInfo(ReadModelFiles.Current(install.Config)).Length;
        var before = Envelope.Of(install.Cpapi("users")).Is("ok").Run.Stdout;
        // Room for the current generation and not for a second copy beside it.
        Run.Checked("/usr/bin/mount", "-t", "tmpfs", "-o", $"size={size + (size / 2)},mode=0750", "tmpfs", folder);
        try
        {
            install.Checked("publish");
            Assert.Equal(before, Envelope.Of(install.Cpapi("users")).Is("ok").Run.Stdout);

            var full = install.Command("user", "add", "rmfull", "--owner", "admin", "--domain", "rmfull.example", "--uid", "47003");
            Assert.NotEqual(0, full.ExitCode);
            Assert.Contains("No space left on device", full.Stderr);
            Assert.Contains("previous generation", full.Stderr);

            Assert.Equal(before, Envelope.Of(install.Cpapi("users")).Is("ok").Run.Stdout);
            Assert.Equal(1L, StoreCheck.Scalar(install.Store, "SELECT count(*) FROM users WHERE username = 'rmfull'"));
            Assert.Empty(Directory.EnumerateFiles(folder, ".*.tmp"));

            Run.Checked("/usr/bin/mount", "-o", $"remount,size={size * 4}", folder);
            install.Checked("publish");
            Envelope.Of(install.Cpapi("users", "--username=rmfull")).Is("ok");
        }
        finally
        {
            Run.Program("/usr/bin/umount", ["-l", folder]);
        }
    }

    [Fact]
    public void A_half_written_generation_left_by_a_crash_is_ignored_and_removed_by_the_next_publish()
    {
        using var install = TempInstall.Create(users: 8);
        var folder = ReadModelFiles.Folder(install.Config);
        var before = Envelope.Of(install.Cpapi("users")).Is("ok").Run.Stdout;
        var torn = Path.Combine(folder, $".{ReadModelFiles.GenerationName}.999999.deadbeef.tmp");
        File.WriteAllBytes(torn, File.ReadAllBytes(ReadModelFiles.Current(install.Config))[..4096]);

        Assert.Equal(before, Envelope.Of(install.Cpapi("users")).Is("ok").Run.Stdout);
        install.Checked("user", "add", "rmnext", "--owner", "admin", "--domain", "rmnext.example", "--uid", "47004");
        Assert.False(File.Exists(torn));
        Envelope.Of(install.Cpapi("users", "--username=rmnext")).Is("ok");
    }

    [Fact]
    public void The_doctor_reports_a_read_model_older_than_the_store_and_publish_rebuilds_it()
    {
        using var install = TempInstall.Create(users: 4);
        Assert.Contains("the read model holds every committed change", install.Command("doctor", "--root", install.Root).Stdout);

        // A change committed by a writer that died before it could publish.
        StoreFixture.Change(install.Store, "UPDATE users SET email = 'late@example.com'");

        Assert.Contains("the read model is older than the store", install.Command("doctor", "--root", install.Root).Stdout);
        Assert.DoesNotContain("late@example.com", install.Cpapi("users").Stdout);
        install.Checked("publish");
        Assert.Contains("the read model holds every committed change", install.Command("doctor", "--root", install.Root).Stdout);
        Assert.Contains("late@example.com", Envelope.Of(install.Cpapi("users")).Is("ok").Run.Stdout);
    }

    [Fact]
    public void A_small_change_patches_the_spare_generation_and_never_one_a_reader_holds()
    {
        using var install = TempInstall.Create(users: 30);
        var current = ReadModelFiles.Current(install.Config);
        var spare = ReadModelFiles.Spare(install.Config);
        install.Checked("user", "add", "rmp1", "--owner", "admin", "--domain", "rmp1.example", "--uid", "47011");
        Assert.True(File.Exists(spare), "the replaced generation was not kept as the spare");

        // The next change is written into the spare, which then becomes current.
        var spareInode = Core.Native.Libc.Inode(spare);
        install.Checked("user", "add", "rmp2", "--owner", "admin", "--domain", "rmp2.example", "--uid", "47012");
        Assert.Equal(spareInode, Core.Native.Libc.Inode(current));
        Envelope.Of(install.Cpapi("users", "--username=rmp2")).Is("ok");

        // A reader holding the current generation (a shared flock, as every cpapi call takes) through
        // two more changes: that file is never written, a new one is made instead.
        var held = File.ReadAllBytes(current);
        var script = $"import fcntl, sys\nf = open('{current}', 'rb')\nfcntl.flock(f, fcntl.LOCK_SH)\nprint(f.fileno(), flush=True)\nsys.stdin.read()\n";
        using var holder = Start("/usr/bin/python3", ["-c", script]);
        var fd = holder.StandardOutput.ReadLine();
        var heldInode = Core.Native.Libc.Inode(current);
        install.Checked("user", "add", "rmp3", "--owner", "admin", "--domain", "rmp3.example", "--uid", "47013");
        install.Checked("user", "add", "rmp4", "--owner", "admin", "--domain", "rmp4.example", "--uid", "47014");
        Assert.NotEqual(heldInode, Core.Native.Libc.Inode(current));
        Assert.Equal(held, File.ReadAllBytes($"/proc/{holder.Id}/fd/{fd}"));
        holder.StandardInput.Close();
        holder.WaitForExit();

        Envelope.Of(install.Cpapi("users", "--username=rmp4")).Is("ok");
        Assert.True(ReadModelStatus.Of(install.Config).Current);
        Assert.Equal("ok", StoreCheck.Scalar(current, "PRAGMA integrity_check"));
    }

    private static Process Start(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        return Process.Start(info)!;
    }

    private static int PanelStoreVersion() => Cpvendor.Store.PanelStore.SchemaVersion;

    private static long UserVersion(string path)
    {
        Cpvendor.Store.SqliteBootstrap.Init();
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version";
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>Undoes the newest migration (9: the owners in the database users' change rows), as a store of the previous release.</summary>
    internal static void Downgrade(string store)
    {
        Assert.Equal(9, PanelStoreVersion());
        Cpvendor.Store.SqliteBootstrap.Init();
        using var connection = new SqliteConnection($"Data Source={store};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        // Migration 9 undone: the database users' triggers as migration 8 wrote them, recording no owner.
        command.CommandText =
            """
            DROP TRIGGER db_users_book_insert;
            DROP TRIGGER db_users_book_delete;
            DROP TRIGGER db_users_book_update;
            CREATE TRIGGER db_users_book_insert AFTER INSERT ON db_users BEGIN INSERT INTO book_changes (kind) VALUES ('db'); END;
            CREATE TRIGGER db_users_book_delete AFTER DELETE ON db_users BEGIN INSERT INTO book_changes (kind) VALUES ('db'); END;
            CREATE TRIGGER db_users_book_update AFTER UPDATE ON db_users BEGIN INSERT INTO book_changes (kind) VALUES ('db'); END;
            PRAGMA user_version = 8;
            """;
        command.ExecuteNonQuery();
    }
}
