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
    /// <summary>The calls of issue 2, in report order; <paramref name="uid"/> is a sample account's UNIX id.</summary>
    public static IReadOnlyList<Call> All(uint uid) =>
    [
        new("panel_info", ["panel_info"], false, CallSize.Small),
        new($"users --unix-id={uid}", ["users", $"--unix-id={uid}"], false, CallSize.Small),
        new("domains (end user)", ["domains"], true, CallSize.Small),
        new("users --fields=id,username", ["users", "--fields=id,username"], false, CallSize.Dump),
        new("users", ["users"], false, CallSize.Dump),
        new("domains (root)", ["domains"], false, CallSize.Dump),
        // The position-independent copy installed for privileged mode, run as root.
        new("panel_info (privileged copy)", ["panel_info"], false, CallSize.Small, Privileged: true),
        new($"users --unix-id={uid} (privileged copy)", ["users", $"--unix-id={uid}"], false, CallSize.Small, Privileged: true),
    ];

    /// <summary>A file-name-safe form of the label.</summary>
    public string Slug => new(Label.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
}
