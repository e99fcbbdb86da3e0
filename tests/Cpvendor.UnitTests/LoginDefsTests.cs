using Cpvendor.Core;

namespace Cpvendor.UnitTests;

/// <summary>The one reader of /etc/login.defs that the lifecycle, the sync, the checker and the doctor share.</summary>
public sealed class LoginDefsTests : IDisposable
{
    private readonly string file = Path.GetTempFileName();

    public void Dispose() => File.Delete(file);

    [Fact]
    public void Uid_max_is_the_first_setting_of_that_name()
    {
        File.WriteAllText(file, "# UID_MAX 1\nUID_MIN\t1000\nUID_MAX\t\t 65000\nUID_MAX 70000\n");

        Assert.Equal(65000, LoginDefs.UidMax(file));
    }

    [Fact]
    public void Uid_max_is_60000_when_the_file_or_the_setting_is_missing_or_unreadable()
    {
        File.WriteAllText(file, "UID_MIN 1000\nUID_MAX\n");

        Assert.Equal(60000, LoginDefs.UidMax(file));
        Assert.Equal(60000, LoginDefs.UidMax(file + ".missing"));
        Assert.Equal(60000, LoginDefs.UidMax(Path.GetTempPath()));
    }

    [Fact]
    public void Uid_max_under_a_root_reads_its_etc()
    {
        var root = Directory.CreateTempSubdirectory("cpvendor-logindefs-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "etc"));
            File.WriteAllText(Path.Combine(root, "etc", "login.defs"), "UID_MAX 61000\n");

            Assert.Equal(61000, LoginDefs.UidMaxUnder(root));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("UID_MIN 1000\n", 1000L)]
    [InlineData("UID_MIN\t500\r\n", 500L)]
    [InlineData("UID_MIN -5\n", null)]
    [InlineData("UID_MIN 0x10\n", null)]
    [InlineData("#UID_MIN 1000\n", null)]
    [InlineData("SYS_UID_MIN 100\n", null)]
    public void A_setting_is_a_plain_number_or_nothing(string text, long? expected) =>
        Assert.Equal(expected, LoginDefs.Number(text, "UID_MIN"));
}
