using System.Text;

namespace Cpvendor.Host;

/// <summary>Quotes words so that a POSIX shell or Python's <c>shlex.split</c> gives them back unchanged.</summary>
public static class ShellWords
{
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "@%+=:,./-_".Contains(c)))
            return word;
        return "'" + word.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'";
    }

    public static string Join(IEnumerable<string> words)
    {
        var sb = new StringBuilder();
        foreach (var word in words)
        {
            if (sb.Length > 0)
                sb.Append(' ');
            sb.Append(Quote(word));
        }

        return sb.ToString();
    }
}
