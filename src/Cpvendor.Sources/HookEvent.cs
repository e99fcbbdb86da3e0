namespace Cpvendor.Sources;

/// <summary>
/// One hook call derived from a sync (CONTRACT.md section 5): the script name in the hooks folder
/// and its argument vector. <see cref="Before"/> events run before the store changes (the data they
/// concern is still there); the others after the new data is served.
/// </summary>
public sealed record HookEvent(string Hook, IReadOnlyList<string> Arguments, bool Before = false)
{
    public override string ToString() => Hook + " " + string.Join(' ', Arguments);

    public bool Equals(HookEvent? other) =>
        other is not null && Hook == other.Hook && Before == other.Before && Arguments.SequenceEqual(other.Arguments, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Hook, Before, string.Join('\u0000', Arguments));
}
