using System.Globalization;
using Cpvendor.IntegrationTests.Harness;
using Cpvendor.Prerendered.Sealing;

namespace Cpvendor.IntegrationTests;

/// <summary>
/// docs/contract.md section 6, "nor by reading files directly": as each end user, every file under the
/// install root and beside the store that the user can read (found and read as that user) holds
/// nothing about any other account and not the db_info password.
/// </summary>
public sealed class EndUserFileScanTests(UsersInstall env) : IClassFixture<UsersInstall>
{
    [Fact]
    public void No_file_an_end_user_can_read_names_another_account_or_the_password()
    {
        var install = env.Install;
        var panel = env.Panel;
        // Every key and every bucket of sealed answers (public: what they show must be nothing).
        var buckets = Directory.EnumerateFiles(install.Config.UsersDir, "*" + SealedBucket.Extension).ToList();
        Assert.NotEmpty(buckets);
        var guessable = panel.Users.Select(u => install.KeyFile(u.Uid))
            .Concat(panel.Users.Select(u => install.UserFile(u.Uid)))
            .Concat(buckets)
            .Concat([install.Store, install.Store + ".secret", install.Store + "-journal", install.KeyFile(env.Stranger.Uid)])
            .Distinct()
            .ToArray();

        foreach (var user in env.EndUsers)
        {
            var readable = FileScan.ReadableBy(user, install.Dir, [install.Root, install.Dir, .. guessable]);
            var mine = panel.AccountsOf(user.Uid).Select(u => u.Username).ToHashSet();
            var forbidden = panel.Users.Where(u => !mine.Contains(u.Username)).Select(u => u.Username)
                .Concat(panel.Domains.Where(d => !mine.Contains(d.Owner)).Select(d => d.Name))
                .Append(panel.Credential.Password)
                .ToList();

            Assert.DoesNotContain(install.Store, readable.Keys);
            Assert.DoesNotContain(install.Store + ".secret", readable.Keys);
            foreach (var (file, content) in readable)
            {
                foreach (var secret in forbidden)
                    Assert.False(content.Contains(secret, StringComparison.Ordinal), $"{user.Name} (uid {user.Uid}) can read {file}, which contains '{secret}'");
            }

            // The scan really reads what the user may read: their own key, every bucket, the public answer.
            Assert.Contains(install.Config.PanelInfoFile, readable.Keys);
            Assert.All(buckets, bucket => Assert.Contains(bucket, readable.Keys));
            if (mine.Count > 0)
            {
                Assert.Contains(install.KeyFile(user.Uid), readable.Keys);
                var own = Envelope.Of(install.Cpapi(user, "domains")).Is("ok").Run.Stdout;
                Assert.All(panel.Domains.Where(d => mine.Contains(d.Owner)), d => Assert.Contains(d.Name, own));
            }
        }
    }

    [Fact]
    public void Per_user_answer_files_are_written_by_root_and_unreadable_to_others()
    {
        var install = env.Install;
        foreach (var uid in env.Panel.Users.Select(u => u.Uid).Distinct())
        {
            // Read through the user's private group where there is one, else through an ACL (root's group).
            var file = install.KeyFile(uid);
            var group = Core.Native.Libc.AccountById(uid) is { } account && Core.Native.Libc.GroupId(account.Name) == account.Gid ? account.Gid : 0;
            var stat = Run.Checked("/usr/bin/stat", "-c", "%u %g %a", file).Trim();
            Assert.Equal($"0 {group.ToString(CultureInfo.InvariantCulture)} 440", stat);
        }

        Assert.Equal("0 711", Run.Checked("/usr/bin/stat", "-c", "%u %a", install.Config.UsersDir).Trim());
        Assert.All(Directory.EnumerateFiles(install.Config.UsersDir, "*" + SealedBucket.Extension), bucket => Assert.Equal("0 0 444", Run.Checked("/usr/bin/stat", "-c", "%u %g %a", bucket).Trim()));
        Assert.Equal("0 644", Run.Checked("/usr/bin/stat", "-c", "%u %a", install.Config.PanelInfoFile).Trim());
        Assert.Equal("0 600", Run.Checked("/usr/bin/stat", "-c", "%u %a", install.Store + ".secret").Trim());
        Assert.Equal("0 0 600", Run.Checked("/usr/bin/stat", "-c", "%u %g %a", install.Store).Trim());
    }
}
