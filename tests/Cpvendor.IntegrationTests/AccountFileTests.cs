using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.IntegrationTests.Security;
using Cpvendor.Prerendered;
using Cpvendor.Prerendered.Sealing;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// One published image per UNIX id: the data the full binary answers that user from and the answers
/// the small binary serves them, sealed in a public bucket under a key only that uid reads
/// (<c>DATA/users/UID.key</c>, docs/security.md). Real UNIX users and the published binaries: the
/// user reads exactly their own data through both binaries, nobody else can read their key, an older
/// version's two files per uid are never served by the small binary and are replaced by the next
/// install, and a key another uid owns answers nothing.
/// </summary>
public sealed class AccountFileTests
{
    private static readonly string[][] Calls = [["domains"], ["domains", "--with-php"]];

    [Fact]
    public void Each_uid_has_one_file_that_its_user_alone_reads_and_both_binaries_answer_from()
    {
        using var unix = new UnixUsers();
        using var install = TempInstall.Create(users: 8, seed: 21);
        var (uid, names) = FirstUid(install);
        var caller = unix.Create("afo", uid);
        var stranger = unix.Create("afs");
        install.Checked("publish");

        // A key per uid, empty (the key is its attribute), and the buckets: nothing else.
        var files = Directory.EnumerateFiles(install.Config.UsersDir).Select(f => Path.GetFileName(f)!).ToList();
        Assert.Contains($"{uid}.key", files);
        Assert.Contains(SealedBucket.FileName(SealedBucket.Of(uid)), files);
        Assert.All(files, f => Assert.True(f.EndsWith(".key", StringComparison.Ordinal) || f.EndsWith(".sealed", StringComparison.Ordinal), f));
        Assert.Equal(0, new FileInfo(install.KeyFile(uid)).Length);

        // Exactly the domains of the uid's accounts, with what the administrator sees of them.
        using var all = JsonDocument.Parse(install.FullCpapi(null, "domains", "--with-php").Stdout);
        var expected = all.RootElement.GetProperty("data").EnumerateObject()
            .Where(d => names.Contains(d.Value.GetProperty("owner").GetString()!))
            .ToDictionary(d => d.Name, d => d.Value.GetRawText(), StringComparer.Ordinal);
        Assert.NotEmpty(expected);
        var full = Calls.Select(args => install.FullCpapi(caller, args).Stdout).ToList();
        using (var own = JsonDocument.Parse(full[1]))
            Assert.Equal(expected, own.RootElement.GetProperty("data").EnumerateObject().ToDictionary(d => d.Name, d => d.Value.GetRawText(), StringComparer.Ordinal));

        // The small binary answers from the file alone: the same bytes with the full binary gone.
        File.Move(install.Binary, install.Binary + ".away");
        try
        {
            for (var i = 0; i < Calls.Length; i++)
                Assert.Equal(full[i], install.Cpapi(caller, Calls[i]).Stdout);
        }
        finally
        {
            File.Move(install.Binary + ".away", install.Binary);
        }

        string[] readKey = ["-c", $"import os,sys; print(os.getxattr(sys.argv[1], '{SealedAccounts.KeyAttribute}').hex())", install.KeyFile(uid)];
        Assert.Equal(0, Run.Program("/usr/bin/python3", readKey, caller).ExitCode);
        var foreign = Run.Program("/usr/bin/python3", readKey, stranger);
        Assert.NotEqual(0, foreign.ExitCode);
        Assert.Equal("", foreign.Stdout);
    }

    [Fact]
    public void An_older_versions_two_files_are_never_served_by_the_small_binary_and_the_next_install_replaces_them()
    {
        using var unix = new UnixUsers();
        using var install = TempInstall.Create(users: 8, seed: 22);
        var (uid, _) = FirstUid(install);
        var caller = unix.Create("afu", uid);
        install.Checked("publish");
        var file = install.KeyFile(uid);
        var answers = Calls.Select(args => install.FullCpapi(caller, args).Stdout).ToList();

        // The layout of the version before: the data as UID.json and answers stamped with it as
        // UID.answers, same owner, mode and ACL. The stamp is right, the answers are not: a reader
        // of the old answers would print them.
        var data = DataOf(install.AccountImage(uid)!);
        var forged = Encoding.UTF8.GetBytes("{\"data\":{\"from-the-old-answers.example\":{}},\"metadata\":{\"result\":\"ok\"}}\n");
        var legacyData = Path.Combine(install.Config.UsersDir, $"{uid}.json");
        var legacyAnswers = Path.Combine(install.Config.UsersDir, $"{uid}.answers");
        Run.Checked("/bin/cp", "-a", file, legacyData);
        Run.Checked("/bin/cp", "-a", file, legacyAnswers);
        File.WriteAllBytes(legacyData, data);
        File.WriteAllBytes(legacyAnswers, StampedAnswers.Build(data, [forged, forged]));
        File.Delete(file);

        // Until republished, the full binary answers from the old data; the old answers are not read.
        for (var i = 0; i < Calls.Length; i++)
        {
            Assert.Equal(answers[i], install.FullCpapi(caller, Calls[i]).Stdout);
            Assert.Equal(answers[i], install.Cpapi(caller, Calls[i]).Stdout);
        }

        install.Reinstall();
        Assert.True(File.Exists(file));
        Assert.False(File.Exists(legacyData));
        Assert.False(File.Exists(legacyAnswers));
        for (var i = 0; i < Calls.Length; i++)
            Assert.Equal(answers[i], install.Cpapi(caller, Calls[i]).Stdout);
    }

    [Fact]
    public void A_key_another_uid_owns_answers_nothing_even_to_root_reading_it_in_privileged_mode()
    {
        using var env = new PrivilegedPanel();
        var file = env.Install.KeyFile(env.Panel.AliceUid);
        Assert.Equal("ok", env.Through(env.Alice, "domains").Result);

        // Not root's, not Alice's: no publish wrote it so.
        Core.Native.Libc.Chown(file, 65534, 65534);
        File.SetUnixFileMode(file, UnixFileMode.UserRead);
        foreach (var args in Calls)
        {
            var envelope = env.Through(env.Alice, args).Is("InternalAPIError");
            Assert.Contains("do not open", envelope.Message);
        }
    }

    /// <summary>The first uid of the install's accounts and the usernames it holds.</summary>
    private static (uint Uid, HashSet<string> Names) FirstUid(TempInstall install)
    {
        using var users = JsonDocument.Parse(install.FullCpapi(null, "users").Stdout);
        var accounts = users.RootElement.GetProperty("data").EnumerateArray()
            .Select(u => (Uid: u.GetProperty("id").GetUInt32(), Name: u.GetProperty("username").GetString()!)).ToList();
        var uid = accounts[0].Uid;
        return (uid, accounts.Where(a => a.Uid == uid).Select(a => a.Name).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The data section of an account image, read by its documented layout: magic, count, lengths, sections.</summary>
    private static byte[] DataOf(byte[] file)
    {
        Assert.Equal("CPVUSER1", Encoding.ASCII.GetString(file, 0, 8));
        var count = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(8));
        var length = (int)BinaryPrimitives.ReadInt64LittleEndian(file.AsSpan(16));
        return file.AsSpan(16 + (count * 8), length).ToArray();
    }
}
