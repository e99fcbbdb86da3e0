using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Prerendered;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// One published form per answer (ARCHITECTURE.md): the full binary answers an administrator's
/// unfiltered lists from the answer book, as the small binary does, while the book carries the
/// current generation's stamp, and from the generation otherwise; the admin snapshots older versions
/// published in <c>DATA/admin</c> are gone after an install or upgrade.
/// </summary>
public sealed class FullBinaryBookTests
{
    [Fact]
    public void Unfiltered_lists_of_the_full_binary_come_from_the_book_of_the_current_generation()
    {
        using var install = TempInstall.Create(users: 12, seed: 4);
        SmallCpapiBinaryTests.WaitForBook(install);
        var generation = AnswerFiles.Generation(install.Config);
        var booked = install.FullCpapi(null, "users").Stdout;
        // The generation's rows change under the book while the file keeps its identity (same inode,
        // size and modification time): only an answer read from the book still shows the old rows.
        var reference = generation + ".times";
        Run.Checked("/bin/cp", "-p", generation, reference);
        StoreFixture.Execute(generation, "UPDATE users SET email = 'changed@example.com'");
        Run.Checked("/usr/bin/touch", "-r", reference, generation);
        File.Delete(reference);

        Assert.Equal(booked, install.FullCpapi(null, "users").Stdout);
        Assert.DoesNotContain("changed@example.com", booked, StringComparison.Ordinal);
        var someone = System.Text.Json.JsonDocument.Parse(booked).RootElement.GetProperty("data")[0].GetProperty("username").GetString()!;
        Assert.Contains("changed@example.com", install.FullCpapi(null, "users", "--username", someone).Stdout, StringComparison.Ordinal);

        // A damaged book never answers: the full binary reads the generation.
        File.WriteAllBytes(AnswerFiles.Book(install.Config), [.. File.ReadAllBytes(AnswerFiles.Book(install.Config)).Take(AnswerBookFormat.HeaderLength)]);
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
