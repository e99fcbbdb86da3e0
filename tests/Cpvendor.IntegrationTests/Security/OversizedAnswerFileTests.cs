using System.Text;
using System.Text.Json.Nodes;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Prerendered;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// An end user's answer file is theirs to rewrite, and in privileged mode root reads it for them: it
/// is hostile input. A file larger than the cap (16 MiB) is refused with InternalAPIError instead of
/// being loaded, through the real sudo as well, and the privileged small copy never serves answers
/// stamped with such a file, even ones its user forged (docs/security.md).
/// </summary>
public sealed class OversizedAnswerFileTests
{
    [Fact]
    public void A_valid_answer_file_grown_past_the_cap_by_its_user_fails_closed_through_sudo()
    {
        using var env = new PrivilegedPanel();
        var grown = GrowAlicesFile(env);

        var envelope = env.Through(env.Alice, "domains").Is("InternalAPIError");
        Assert.Contains("larger than", envelope.Message);
        Assert.True(grown.Length > StampedAnswers.MaxSourceBytes);
    }

    [Fact]
    public void Pre_rendered_answers_a_user_stamped_with_a_grown_file_are_not_served_by_the_privileged_small_copy()
    {
        using var env = new PrivilegedPanel();
        var grown = GrowAlicesFile(env);

        // The same user also rewrites their pre-rendered answers, stamped with the grown file's bytes
        // (the stamp is a length and a hash anyone can compute): root must still not serve them.
        var answers = AnswerFiles.User(env.Install.Config, env.Panel.AliceUid);
        var forged = Encoding.UTF8.GetBytes("{\"data\":{\"forged.example\":{}},\"metadata\":{\"result\":\"ok\"}}\n");
        Core.Native.Libc.Chown(answers, env.Alice.Uid, env.Alice.Gid);
        File.SetUnixFileMode(answers, UnixFileMode.UserRead);
        var staged = Path.Combine(env.Install.Dir, "forged.answers");
        File.WriteAllBytes(staged, StampedAnswers.Build(grown, [forged, forged]));
        File.SetUnixFileMode(staged, (UnixFileMode)0b110_100_100);
        var run = Run.Program("/bin/sh", ["-c", $"chmod u+w {answers} && cat {staged} > {answers}"], env.Alice);
        Assert.True(run.ExitCode == 0, run.ToString());

        foreach (var args in new[] { new[] { "domains" }, ["domains", "--with-php"] })
        {
            var envelope = env.Through(env.Alice, args).Is("InternalAPIError");
            Assert.Contains("larger than", envelope.Message);
        }
    }

    /// <summary>Alice's published file, grown past the cap by Alice herself; returns its new bytes.</summary>
    private static byte[] GrowAlicesFile(PrivilegedPanel env)
    {
        var file = env.Install.UserFile(env.Panel.AliceUid);
        var answers = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        var domains = answers["domains"]!.AsObject();
        var (name, info) = domains.First();
        var template = info!.ToJsonString();
        var grown = new StringBuilder(17 * 1024 * 1024 + 4096);
        grown.Append("{\"usernames\":").Append(answers["usernames"]!.ToJsonString()).Append(",\"domains\":{");
        for (var i = 0; grown.Length < 17 * 1024 * 1024; i++)
            grown.Append('"').Append(i).Append('.').Append(name).Append("\":").Append(template).Append(',');
        grown.Append('"').Append(name).Append("\":").Append(template).Append("}}");

        // A host with neither user private groups nor ACLs leaves the file its user's (docs/security.md):
        // that user rewrites it, as any owner may.
        Core.Native.Libc.Chown(file, env.Alice.Uid, env.Alice.Gid);
        File.SetUnixFileMode(file, UnixFileMode.UserRead);
        var staged = Path.Combine(env.Install.Dir, "grown.json");
        File.WriteAllText(staged, grown.ToString());
        File.SetUnixFileMode(staged, (UnixFileMode)0b110_100_100);
        var run = Run.Program("/bin/sh", ["-c", $"chmod u+w {file} && cat {staged} > {file}"], env.Alice);
        Assert.True(run.ExitCode == 0, run.ToString());
        return File.ReadAllBytes(file);
    }
}
