using System.Text;

namespace Cpvendor.Conformance.Ini;

/// <summary>
/// Python's <c>shlex.split(line)</c> (POSIX mode, no comments), which CloudLinux applies to each
/// script line of integration.ini: words separated by space, tab, CR or LF; single quotes take
/// everything literally; inside double quotes a backslash escapes only <c>"</c> and <c>\</c>;
/// outside quotes a backslash escapes any character; <c>''</c> is an empty word.
/// </summary>
public static class ShellSplit
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
}
