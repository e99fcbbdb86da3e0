using System.Text;

namespace Cpvendor.Conformance.Running;

/// <summary>
/// One call the checker makes: a script of integration.ini with CloudLinux's arguments appended,
/// run as root or as an end user. <see cref="RawLastArgument"/> carries bytes that are not valid
/// UTF-8 (which a .NET string cannot), appended as the last argument. <see cref="Environment"/> holds
/// variables added to the clean environment (a caller's HOME, hostile hooks).
/// </summary>
internal sealed record ScriptCall(string Script, IReadOnlyList<string> Args, RunAs? User = null, byte[]? RawLastArgument = null, IReadOnlyList<KeyValuePair<string, string>>? Environment = null)
{
    public string Key
    {
        get
        {
            var sb = new StringBuilder(Script);
            sb.Append('\0').Append(User?.Name ?? "").Append('\0');
            foreach (var arg in Args)
                sb.Append(arg).Append('\0');
            if (RawLastArgument is not null)
                sb.Append(Convert.ToHexString(RawLastArgument));
            foreach (var (name, value) in Environment ?? [])
                sb.Append('\0').Append(name).Append('=').Append(value);
            return sb.ToString();
        }
    }

    /// <summary>How the call reads in a report: <c>[as alice] users --owner=bob</c>.</summary>
    public string Display
    {
        get
        {
            var sb = new StringBuilder();
            if (User is not null)
                sb.Append("[as ").Append(User.Name).Append("] ");
            foreach (var (name, value) in Environment ?? [])
                sb.Append(name).Append('=').Append(ShellQuote.Quote(value)).Append(' ');
            sb.Append(Script);
            foreach (var arg in Args)
                sb.Append(' ').Append(ShellQuote.Quote(arg));
            if (RawLastArgument is not null)
                sb.Append(' ').Append(ShellQuote.QuoteBytes(RawLastArgument));
            return sb.ToString();
        }
    }
}
