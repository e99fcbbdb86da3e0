using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Prerendered;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// One published form per answer (ARCHITECTURE.md): the answer book is read by the small binaries
/// only, and the full binary answers live from the generation, so it stays the reference the book's
/// bytes are compared with; the admin snapshots older versions published in <c>DATA/admin</c> are
/// gone after an install or upgrade.
/// </summary>
public sealed class RetiredSnapshotTests
{
    [Fact]
    public void The_full_binary_answers_from_the_generation_even_while_the_book_is_current()
    {
        using var install = TempInstall.Create(users: 12, seed: 4);
        SmallCpapiBinaryTests.WaitForBook(install);
        var generation = AnswerFiles.Generation(install.Config);
        var booked = install.Cpapi("users").Stdout;
        Assert.Equal(booked, install.FullCpapi(null, "users").Stdout);
        // The generation's rows change under the book while the file keeps its identity (same inode,
        // size and modification time): the book still answers, the full binary reads the rows.
        var reference = generation + ".times";
        Run.Checked("/bin/cp", "-p", generation, reference);
        StoreFixture.Execute(generation, "UPDATE users SET email = 'changed@example.com'");
        Run.Checked("/usr/bin/touch", "-r", reference, generation);
        File.Delete(reference);

        Assert.Equal(booked, install.Cpapi("users").Stdout);
        Assert.DoesNotContain("changed@example.com", booked, StringComparison.Ordinal);
        Assert.Contains("changed@example.com", install.FullCpapi(null, "users").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Install_removes_the_admin_snapshots_an_older_version_published()
    {
        using var install = TempInstall.Create(users: 3, seed: 2);
        var retired = Path.Combine(install.Config.DataDir, "admin");
        Directory.CreateDirectory(retired);
        File.WriteAllText(Path.Combine(retired, "users.json"), "cpvendor-answer 1 2 3\n{}");

        install.Reinstall();

        Assert.False(Directory.Exists(retired));
        Assert.Equal(install.FullCpapi(null, "users").Stdout, install.Cpapi("users").Stdout);
    }
}
