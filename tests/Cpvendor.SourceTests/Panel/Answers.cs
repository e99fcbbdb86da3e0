using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.SourceTests.Panel;

/// <summary>Every script with every kind of filter, and the raw bytes each install answers.</summary>
public static class Answers
{
    public static IReadOnlyList<string[]> Calls(TempInstall reference)
    {
        // Filter values come from the reference panel itself, so every filter hits real rows.
        var users = Envelope.Of(reference.Cpapi("users")).Data.EnumerateArray().ToList();
        var someUser = users[users.Count / 2];
        var packaged = users.First(u => u.GetProperty("package").ValueKind != System.Text.Json.JsonValueKind.Null).GetProperty("package");
        var reseller = Envelope.Of(reference.Cpapi("resellers")).Data.EnumerateArray().First();
        var domain = Envelope.Of(reference.Cpapi("domains")).Data.EnumerateObject().Last().Name;
        string S(System.Text.Json.JsonElement e, string p) => e.GetProperty(p).ToString();
        return
        [
            ["panel_info"], ["db_info"], ["packages"], ["packages", "--owner", S(reseller, "name")], ["packages", "-o", "admin"],
            ["users"], ["users", "--owner", S(reseller, "name")], ["users", "--owner", "admin"],
            ["users", "--package-name", S(packaged, "name"), "--package-owner", S(packaged, "owner")],
            ["users", "--username", S(someUser, "username")], ["users", "--unix-id", S(someUser, "id")],
            ["users", "--fields", "id,username,domain,package"], ["users", "--username", "nobody-here"],
            ["domains"], ["domains", "--with-php"], ["domains", "--owner", S(someUser, "username"), "--with-php"],
            ["domains", "--name", domain], ["domains", "-n", domain, "--with-php"],
            ["resellers"], ["resellers", "--id", S(reseller, "id")], ["resellers", "--name", S(reseller, "name")],
            ["admins"], ["admins", "--name", "admin"], ["admins", "--is-main", "true"], ["admins", "-m", "false"],
            ["php"],
        ];
    }

    /// <summary>Each call's stdout, then each published per-user answer, opened (what end users are answered from).</summary>
    public static IReadOnlyList<(string What, string Bytes)> Of(TempInstall install, IReadOnlyList<string[]> calls)
    {
        var answers = calls.Select(c => (string.Join(' ', c), Envelope.Of(install.Cpapi(c)).Run.Stdout)).ToList();
        var config = install.Config;
        foreach (var file in Directory.EnumerateFiles(config.UsersDir).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(Prerendered.Sealing.SealedBucket.Extension, StringComparison.Ordinal))
            {
                // Sealed under random keys and nonces: which buckets exist is compared, what they hold per key below.
                answers.Add(("bucket " + name, ""));
            }
            else if (name.EndsWith(Prerendered.Sealing.SealedAccounts.KeyExtension, StringComparison.Ordinal))
            {
                var uid = uint.Parse(Path.GetFileNameWithoutExtension(name), System.Globalization.CultureInfo.InvariantCulture);
                answers.Add(("sealed for " + name, System.Text.Encoding.UTF8.GetString(install.AccountImage(uid) ?? [])));
            }
            else
            {
                answers.Add(("file " + name, File.ReadAllText(file)));
            }
        }

        answers.Add(("file panel_info.json", File.ReadAllText(config.PanelInfoFile)));
        return answers;
    }
}
