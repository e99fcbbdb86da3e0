namespace Cpvendor.Conformance.Reports;

/// <summary>
/// The terminal report: one line per check under its contract section, the evidence of failures
/// and warnings indented beneath, skip reasons inline, and a summary line. ANSI colour on request.
/// </summary>
internal static class TextReport
{
    public static void Write(ConformanceReport report, TextWriter output, bool colour)
    {
        var paint = new Paint(colour);
        output.WriteLine(paint.Bold($"cpvendor check: {report.IniPath}"));
        if (report.Aborted is not null)
        {
            output.WriteLine(paint.Red("cannot check: " + report.Aborted));
            return;
        }

        WriteCauses(report, output, paint);
        foreach (var section in report.Results.GroupBy(r => r.Section))
        {
            output.WriteLine();
            output.WriteLine(paint.Bold(section.Key));
            foreach (var result in section)
                WriteResult(result, output, paint, verbose: result.Status is CheckStatus.Fail or CheckStatus.Warn);
        }

        output.WriteLine();
        WriteSummary(report, output, paint);
    }

    public static void WriteProblems(ConformanceReport report, TextWriter output, bool colour)
    {
        var paint = new Paint(colour);
        if (report.Aborted is not null)
        {
            output.WriteLine(paint.Red("cannot check: " + report.Aborted));
            return;
        }

        foreach (var result in report.Results.Where(r => r.Status is CheckStatus.Fail or CheckStatus.Warn))
            WriteResult(result, output, paint, verbose: true, maxEvidence: 6);
        WriteSummary(report, output, paint);
    }

    /// <summary>One headline per cause, its consequences under it: what to fix first.</summary>
    private static void WriteCauses(ConformanceReport report, TextWriter output, Paint paint)
    {
        var causes = report.Causes;
        if (causes.Count == 0)
            return;
        output.WriteLine();
        output.WriteLine(paint.Bold(causes.Count == 1
            ? "1 cause of failure (the checks under it fail because of the same calls):"
            : $"{causes.Count} causes of failure, the widest first (the checks under each fail because of the same calls):"));
        for (var i = 0; i < causes.Count; i++)
        {
            var cause = causes[i];
            output.WriteLine($"  {i + 1}. {paint.Red(cause.Headline.Name)}: {cause.Headline.Message}");
            if (cause.Headline.Evidence.FirstOrDefault(e => e.StartsWith("$ ", StringComparison.Ordinal)) is { } first)
                output.WriteLine($"       {paint.Dim("first seen:")} {first}");
            foreach (var consequence in cause.Consequences)
                output.WriteLine($"       {paint.Dim("also fails:")} {consequence.Name}: {consequence.Message}");
        }
    }

    private static void WriteResult(CheckResult result, TextWriter output, Paint paint, bool verbose, int maxEvidence = 40)
    {
        var label = result.Status switch
        {
            CheckStatus.Pass => paint.Green("PASS"),
            CheckStatus.Fail => paint.Red("FAIL"),
            CheckStatus.Warn => paint.Yellow("WARN"),
            _ => paint.Dim("SKIP"),
        };
        var message = result.Status == CheckStatus.Pass ? "" : "  " + (result.Status == CheckStatus.Skip ? paint.Dim(result.Message) : result.Message);
        output.WriteLine($"  {label}  {result.Name}{message}");
        if (!verbose)
            return;
        foreach (var line in result.Evidence.Take(maxEvidence))
            output.WriteLine("        " + paint.Dim(line));
        if (result.Evidence.Count > maxEvidence)
            output.WriteLine("        " + paint.Dim($"... {result.Evidence.Count - maxEvidence} more lines (see --format json)"));
    }

    private static void WriteSummary(ConformanceReport report, TextWriter output, Paint paint)
    {
        var line = $"{report.Results.Count} checks: {report.Count(CheckStatus.Pass)} passed, {report.Count(CheckStatus.Fail)} failed, " +
            $"{report.Count(CheckStatus.Warn)} warned, {report.Count(CheckStatus.Skip)} skipped ({report.Calls} calls, {report.Duration.TotalSeconds:0.0} s): {report.Verdict}";
        output.WriteLine(report.Count(CheckStatus.Fail) > 0 ? paint.Red(line) : report.Count(CheckStatus.Warn) > 0 ? paint.Yellow(line) : paint.Green(line));
    }

    private readonly struct Paint(bool on)
    {
        public string Bold(string s) => Wrap("1", s);

        public string Red(string s) => Wrap("31", s);

        public string Green(string s) => Wrap("32", s);

        public string Yellow(string s) => Wrap("33", s);

        public string Dim(string s) => Wrap("2", s);

        private string Wrap(string code, string s) => on ? $"\u001b[{code}m{s}\u001b[0m" : s;
    }
}
