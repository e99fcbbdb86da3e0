using System.Text;

namespace Cpvendor.Doctor.Host;

/// <summary>Splits a command line the way Python's <c>shlex.split</c> (POSIX mode) does, as CloudLinux splits script lines.</summary>
internal static class ShellSplit
{
    public static IReadOnlyList<string>? Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\'')
            {
                var end = line.IndexOf('\'', i + 1);
                if (end < 0)
                    return null;
                word.Append(line, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (c == '"')
            {
                i++;
                while (i < line.Length && line[i] != '"')
                {
                    if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' or '`')
                        i++;
                    word.Append(line[i]);
                    i++;
                }

                if (i >= line.Length)
                    return null;
                inWord = true;
            }
            else if (c == '\\')
            {
                if (i + 1 >= line.Length)
                    return null;
                word.Append(line[++i]);
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                    words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }

        if (inWord)
            words.Add(word.ToString());
        return words;
    }
}
