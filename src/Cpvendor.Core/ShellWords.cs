using System.Text;

namespace Cpvendor.Core;

/// <summary>
/// Shell words by Python's <c>shlex</c> rules, which CloudLinux applies to each script line of
/// integration.ini (docs/contract.md section 4). <see cref="Split"/> is <c>shlex.split(line)</c>
/// (POSIX mode, no comments): words separated by space, tab, CR or LF; single quotes take everything
/// literally; inside double quotes a backslash escapes only <c>"</c> and <c>\</c> (before anything
/// else it stays); outside quotes a backslash escapes any character; <c>''</c> is an empty word.
/// <see cref="Quote"/> and <see cref="Join"/> write words that <see cref="Split"/> (and a POSIX
/// shell) gives back unchanged. The doctor, the checker and the installer all use this one reader.
/// </summary>
public static class ShellWords
{
    private const char Word = 'a';
    private const char Between = ' ';
    private const char Escape = '\\';

    /// <summary>The words, or the <c>ValueError</c> message Python raises (an unclosed quote, a trailing backslash).</summary>
    public static (IReadOnlyList<string>? Words, string? Error) Split(string line)
    {
        var words = new List<string>();
        var token = new StringBuilder();
        var state = Between;
        var escapedState = Between;
        var quoted = false;
        foreach (var c in line)
        {
            switch (state)
            {
                case Between:
                    if (IsSpace(c))
                        continue;
                    if (c == Escape)
                    {
                        escapedState = Word;
                        state = Escape;
                    }
                    else if (c is '\'' or '"')
                    {
                        state = c;
                        quoted = true;
                    }
                    else
                    {
                        token.Append(c);
                        state = Word;
                    }

                    break;
                case '\'' or '"':
                    if (c == state)
                    {
                        state = Word;
                    }
                    else if (c == Escape && state == '"')
                    {
                        escapedState = state;
                        state = Escape;
                    }
                    else
                    {
                        token.Append(c);
                    }

                    break;
                case Escape:
                    if (escapedState is '\'' or '"' && c != Escape && c != escapedState)
                        token.Append(Escape);
                    token.Append(c);
                    state = escapedState;
                    break;
                default:
                    if (IsSpace(c))
                    {
                        Emit();
                        state = Between;
                    }
                    else if (c is '\'' or '"')
                    {
                        state = c;
                        quoted = true;
                    }
                    else if (c == Escape)
                    {
                        escapedState = Word;
                        state = Escape;
                    }
                    else
                    {
                        token.Append(c);
                    }

                    break;
            }
        }

        switch (state)
        {
            case '\'' or '"':
                return (null, "No closing quotation");
            case Escape:
                return (null, "No escaped character");
            default:
                Emit();
                return (words, null);
        }

        void Emit()
        {
            if (token.Length > 0 || quoted)
                words.Add(token.ToString());
            token.Clear();
            quoted = false;
        }
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    /// <summary>The word as it stands, when it needs no quoting, or single-quoted.</summary>
    public static string Quote(string word)
    {
        if (word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "@%+=:,./-_".Contains(c, StringComparison.Ordinal)))
            return word;
        return "'" + word.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'";
    }

    /// <summary>The words quoted and separated by single spaces.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));
}
