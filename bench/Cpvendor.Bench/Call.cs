namespace Cpvendor.Bench;

/// <summary>Whether an answer is a few objects or a listing of the whole panel; each has its own target.</summary>
internal enum CallSize
{
    Small,
    Dump,
}

/// <summary>One cpapi call the benchmark times: its script arguments, who calls, how big the answer is.</summary>
internal sealed record Call(string Label, IReadOnlyList<string> Args, bool AsEndUser, CallSize Size, bool Privileged = false)
{
    /// <summary>
    /// The calls timed, in report order: a sample account's UNIX id, name and one of its domains, and
    /// the owner, package, reseller and administrator the filtered calls name. The
    /// default install runs them through the small binary integration.ini names; the privileged rows
    /// run what privileged mode's sudo rule names (the position-independent small copy, or the full
    /// copy of a build from before it), as root, and for the end user through <c>sudo -n</c>.
    /// </summary>
    public static IReadOnlyList<Call> All(uint uid, string username, string domain, FilterSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        List<Call> calls =
        [
            new("panel_info", ["panel_info"], false, CallSize.Small),
            new($"users --unix-id={uid}", ["users", $"--unix-id={uid}"], false, CallSize.Small),
            new($"users --username={username}", ["users", $"--username={username}"], false, CallSize.Small),
            new($"domains --name={domain}", ["domains", $"--name={domain}"], false, CallSize.Small),
            new("domains (end user)", ["domains"], true, CallSize.Small),
            new("users --fields=id,username", ["users", "--fields=id,username"], false, CallSize.Dump),
            new("users", ["users"], false, CallSize.Dump),
            new("domains (root)", ["domains"], false, CallSize.Dump),
            new($"domains --name={domain} --with-php", ["domains", $"--name={domain}", "--with-php"], false, CallSize.Small),
            new($"domains --owner={username}", ["domains", $"--owner={username}"], false, CallSize.Small),
            new($"domains --owner={username} --with-php", ["domains", $"--owner={username}", "--with-php"], false, CallSize.Small),
            new($"users --owner={sample.Owner}", ["users", $"--owner={sample.Owner}"], false, CallSize.Small),
            new($"users --package-name={sample.PackageName}", ["users", $"--package-name={sample.PackageName}", $"--package-owner={sample.PackageOwner}"], false, CallSize.Small),
            new($"resellers --name={sample.Reseller}", ["resellers", $"--name={sample.Reseller}"], false, CallSize.Small),
            new($"resellers --id={sample.ResellerId}", ["resellers", $"--id={sample.ResellerId}"], false, CallSize.Small),
            new($"admins --name={sample.Admin}", ["admins", $"--name={sample.Admin}"], false, CallSize.Small),
            new("admins --is-main=true", ["admins", "--is-main=true"], false, CallSize.Small),
            new("admins --is-main=false", ["admins", "--is-main=false"], false, CallSize.Small),
            new($"packages --owner={sample.Owner}", ["packages", $"--owner={sample.Owner}"], false, CallSize.Small),
            new("domains --with-php (root)", ["domains", "--with-php"], false, CallSize.Dump),
            new("db_info (root)", ["db_info"], false, CallSize.Dump),
        ];
        calls.AddRange(calls.Select(c => c with { Label = c.Label + (c.AsEndUser ? " (privileged, sudo)" : " (privileged copy)"), Privileged = true }).ToList());
        return calls;
    }

    /// <summary>A call of privileged mode by someone other than root: it goes through sudo, and so does its <c>cat</c>.</summary>
    public bool ThroughSudo => Privileged && AsEndUser;

    /// <summary>A file-name-safe form of the label.</summary>
    public string Slug => new(Label.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
