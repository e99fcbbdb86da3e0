using System.Text;
using Cpvendor.Core;

namespace Cpvendor.Cli.Commands;

/// <summary>
/// Splits one line of a batch into words (docs/lifecycle.md, "Batches"): blanks separate words;
/// <c>'...'</c> keeps everything inside as it is; <c>"..."</c> does too, except that <c>\"</c> and
/// <c>\\</c> stand for <c>"</c> and <c>\</c>. No variables, globs or other escapes. A line that is
/// empty or starts with <c>#</c> has no words.
/// </summary>
internal static class BatchLine
{
    public static IReadOnlyList<string> Split(string line, int number)
    {
        ArgumentNullException.ThrowIfNull(line);
        var words = new List<string>();
        if (line.TrimStart().StartsWith('#'))
            return words;
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is ' ' or '\t')
            {
                if (inWord)
                    words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }

            inWord = true;
            if (c == '\'')
            {
                var end = line.IndexOf('\'', i + 1);
                if (end < 0)
                    throw CpvendorException.Invalid($"line {number}: a ' is not closed");
                word.Append(line, i + 1, end - i - 1);
                i = end;
            }
            else if (c == '"')
            {
                i++;
                while (i < line.Length && line[i] != '"')
                {
                    if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\')
                        i++;
                    word.Append(line[i]);
                    i++;
                }

                if (i >= line.Length)
                    throw CpvendorException.Invalid($"line {number}: a \" is not closed");
            }
            else if (char.IsControl(c))
            {
                throw CpvendorException.Invalid($"line {number}: control character U+{(int)c:X4} outside quotes");
            }
            else
            {
                word.Append(c);
            }
        }

        if (inWord)
            words.Add(word.ToString());
        return words;
    }
}
