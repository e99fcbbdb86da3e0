using System.Globalization;
using System.Text;
using Cpvendor.Core.Processes;

namespace Cpvendor.Conformance.Running;

/// <summary>What one call produced, and what the checks expected of it.</summary>
internal sealed class CallResult
{
    private Answer? answer;

    public CallResult(ScriptCall call, IReadOnlyList<string> argv, ChildResult outcome)
    {
        Call = call;
        Argv = argv;
        Stdout = outcome.StdoutBytes;
        Stderr = outcome.Stderr;
        ExitCode = outcome.ExitCode;
        Elapsed = outcome.Elapsed;
        TimedOut = outcome.TimedOut;
        StartError = outcome.StartError;
    }

    public ScriptCall Call { get; }

    /// <summary>
    /// The command line as CloudLinux runs it: the ini's words and the appended arguments, quoted
    /// for a shell, after the user and any added variables (docs/contract.md section 1).
    /// </summary>
    public string CommandLine { get; init; } = "";

    /// <summary>The full argument vector that ran (privilege drop included).</summary>
    public IReadOnlyList<string> Argv { get; }

    public byte[] Stdout { get; }

    public string Stderr { get; }

    public int ExitCode { get; }

    public TimeSpan Elapsed { get; }

    public bool TimedOut { get; }

    public string? StartError { get; }

    /// <summary>Some check expected success (so the schema checks judge the data).</summary>
    public bool ExpectedOk { get; set; }

    /// <summary>Some check sent this as odd input: robustness owns its JSON validity.</summary>
    public bool IsProbe { get; set; }

    /// <summary>The process ran to its end: there is an answer to judge.</summary>
    public bool Completed => StartError is null && !TimedOut;

    public Answer Answer => answer ??= Answer.Parse(Stdout);

    /// <summary>A valid envelope: the checks that judge meaning only look at these.</summary>
    public bool IsEnvelope => Completed && Answer.IsEnvelope;

    public bool IsOk => IsEnvelope && Answer.Result == "ok";

    public string Summary =>
        StartError ?? (TimedOut
            ? $"timed out after {Elapsed.TotalSeconds:0.#} s"
            : $"exit {ExitCode}, {Elapsed.TotalMilliseconds:0} ms, {Size(Stdout.Length)}{(Stderr.Length > 0 ? $", stderr {Size(Encoding.UTF8.GetByteCount(Stderr))}" : "")}");

    /// <summary>The lines a report shows for this call: the command and a glimpse of the answer.</summary>
    public IEnumerable<string> Evidence(int excerpt = 240)
    {
        yield return "$ " + (CommandLine.Length > 0 ? CommandLine : Call.Display);
        yield return "  " + Summary + (Stdout.Length > 0 ? ": " + Excerpt(Stdout, excerpt) : "");
        if (Stderr.Length > 0)
            yield return "  stderr: " + StderrExcerpt(Stderr, excerpt * 3);
    }

    /// <summary>stderr cut to its end when long: a traceback names its exception on the last line.</summary>
    public static string StderrExcerpt(string stderr, int max)
    {
        var text = stderr.TrimEnd();
        return text.Length <= max ? Excerpt(Encoding.UTF8.GetBytes(text), max) : "..." + Excerpt(Encoding.UTF8.GetBytes(text[^max..]), max);
    }

    public static string Excerpt(byte[] bytes, int max)
    {
        var text = Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, max * 4));
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (sb.Length >= max)
            {
                sb.Append("...");
                break;
            }

            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                < ' ' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        var result = sb.ToString();
        return result.EndsWith("\\n", StringComparison.Ordinal) ? result[..^2] : result;
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / 1048576.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };
}
