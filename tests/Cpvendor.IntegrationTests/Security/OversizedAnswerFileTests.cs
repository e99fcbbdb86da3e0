using System.Text;
using System.Text.Json.Nodes;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Prerendered;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// An end user's file may be theirs to rewrite, and in privileged mode root reads it for them: it
/// is hostile input. A file whose data is larger than the cap (16 MiB) is refused with
/// InternalAPIError instead of being loaded, through the real sudo as well, and the privileged
/// small copy never serves the answers beside such data, even ones its user forged (docs/security.md).
/// </summary>
public sealed class OversizedAnswerFileTests
{
    private static readonly byte[] Forged = Encoding.UTF8.GetBytes("{\"data\":{\"forged.example\":{}},\"metadata\":{\"result\":\"ok\"}}\n");

    [Fact]
    public void A_valid_answer_file_grown_past_the_cap_by_its_user_fails_closed_through_sudo()
    {
        using var env = new PrivilegedPanel();
        var grown = GrowAlicesFile(env);

        var envelope = env.Through(env.Alice, "domains").Is("InternalAPIError");
        Assert.Contains("larger than", envelope.Message);
        Assert.True(grown.Length > AccountFile.MaxDataBytes);
    }

    [Fact]
    public void Answers_a_user_wrote_beside_grown_data_are_not_served_by_the_privileged_small_copy()
    {
        using var env = new PrivilegedPanel();
        GrowAlicesFile(env);

        foreach (var args in new[] { new[] { "domains" }, ["domains", "--with-php"] })
        {
            var envelope = env.Through(env.Alice, args).Is("InternalAPIError");
            Assert.Contains("larger than", envelope.Message);
        }
    }

    /// <summary>
    /// Alice's published file, its data grown past the cap by Alice herself, with forged answers
    /// beside it in the same file; returns the grown data.
    /// </summary>
    private static byte[] GrowAlicesFile(PrivilegedPanel env)
    {
        // A host whose file system keeps no attributes for keys publishes each uid a file of its
        // own (docs/security.md): Alice's, made from what was sealed for her, her key gone.
        var file = env.Install.UserFile(env.Panel.AliceUid);
        var bytes = env.Install.AccountImage(env.Panel.AliceUid)!;
        File.WriteAllBytes(file, bytes);
        File.Delete(env.Install.KeyFile(env.Panel.AliceUid));
        var data = bytes.AsSpan(AccountFile.HeaderLength, (int)AccountFile.DataLength(bytes)!.Value).ToArray();
        var answers = JsonNode.Parse(data)!.AsObject();
        var domains = answers["domains"]!.AsObject();
        var (name, info) = domains.First();
        var template = info!.ToJsonString();
        var grown = new StringBuilder(17 * 1024 * 1024 + 4096);
        grown.Append("{\"usernames\":").Append(answers["usernames"]!.ToJsonString()).Append(",\"domains\":{");
        for (var i = 0; grown.Length < 17 * 1024 * 1024; i++)
            grown.Append('"').Append(i).Append('.').Append(name).Append("\":").Append(template).Append(',');
        grown.Append('"').Append(name).Append("\":").Append(template).Append("}}");
        var grownData = Encoding.UTF8.GetBytes(grown.ToString());

        // A host with neither user private groups nor ACLs leaves the file its user's (docs/security.md):
        // that user rewrites it, as any owner may.
        Core.Native.Libc.Chown(file, env.Alice.Uid, env.Alice.Gid);
        File.SetUnixFileMode(file, UnixFileMode.UserRead);
        var staged = Path.Combine(env.Install.Dir, "grown.user");
        File.WriteAllBytes(staged, AccountFile.Build(grownData, Forged, Forged));
        File.SetUnixFileMode(staged, (UnixFileMode)0b110_100_100);
        var run = Run.Program("/bin/sh", ["-c", $"chmod u+w {file} && cat {staged} > {file}"], env.Alice);
        Assert.True(run.ExitCode == 0, run.ToString());
        return grownData;
    }
}
