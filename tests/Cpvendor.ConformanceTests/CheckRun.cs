using System.Text.Json;

namespace Cpvendor.ConformanceTests;

/// <summary>One run of <c>out/cpvendor check --format json</c>, read back.</summary>
internal sealed class CheckRun
{
    private CheckRun(Proc.Result process, JsonDocument report)
    {
        Process = process;
        Report = report;
        Statuses = report.RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
    }

    public Proc.Result Process { get; }

    public JsonDocument Report { get; }

    public IReadOnlyDictionary<string, string> Statuses { get; }

    public JsonElement Summary => Report.RootElement.GetProperty("summary");

    public IReadOnlyList<string> With(params string[] statuses) =>
        Statuses.Where(s => statuses.Contains(s.Value)).Select(s => s.Key).Order(StringComparer.Ordinal).ToList();

    public JsonElement Check(string name)
    {
        foreach (var check in Report.RootElement.GetProperty("checks").EnumerateArray())
        {
            if (check.GetProperty("name").GetString() == name)
                return check;
        }

        throw new InvalidOperationException($"the report has no check {name}:\n{Process}");
    }

    /// <summary>Everything about the checks that did not pass, for assertion messages.</summary>
    public string Explain() => string.Join("\n", Report.RootElement.GetProperty("checks").EnumerateArray()
        .Where(c => c.GetProperty("status").GetString() is "fail" or "warn")
        .Select(c => $"{c.GetProperty("status").GetString()} {c.GetProperty("name").GetString()}: {c.GetProperty("message").GetString()}\n    "
            + string.Join("\n    ", c.GetProperty("evidence").EnumerateArray().Take(8).Select(e => e.GetString()))));

    /// <summary>
    /// The checker's time limits as every test not about them sets them: a call is killed, or
    /// reported slow, only after ten minutes, so a loaded machine never turns a pass into a failure
    /// or a warning.
    /// </summary>
    public static IReadOnlyList<string> PatientTimes { get; } = ["--timeout", "600", "--slow", "600"];

    /// <summary>Runs the checker with <see cref="PatientTimes"/> unless a test sets the slow-call threshold.</summary>
    public static CheckRun Of(string ini, IEnumerable<string> asUsers, string slow = "600") =>
        With(ini, asUsers.SelectMany(u => new[] { "--as-user", u }), slow);

    /// <summary>Runs the checker with any further arguments (--as-user, --as-admin, --ui-token ...).</summary>
    public static CheckRun With(string ini, IEnumerable<string> extra, string slow = "600")
    {
        var args = new List<string> { "check", "--ini", ini, "--format", "json", "--timeout", "600", "--slow", slow };
        args.AddRange(extra);
        var process = Proc.Run(Repo.Binary, [.. args]);
        JsonDocument report;
        try
        {
            report = JsonDocument.Parse(process.Stdout);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"check did not print a JSON report ({e.Message}):\n{process}", e);
        }

        return new CheckRun(process, report);
    }
}
