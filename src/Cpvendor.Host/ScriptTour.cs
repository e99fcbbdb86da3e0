using System.Text.Json;
using Cpvendor.Contract;

namespace Cpvendor.Host;

/// <summary>Runs each script line of an integration.ini once, unfiltered, and prints what came back.</summary>
public static class ScriptTour
{
    public static int Run(string iniPath, TextWriter output)
    {
        var failures = 0;
        var lines = File.ReadAllLines(iniPath)
            .Select(line => line.Split('=', 2))
            .Where(parts => parts.Length == 2 && Grammar.Find(parts[0].Trim()) is not null)
            .ToList();
        foreach (var parts in lines)
        {
            var words = parts[1].Trim().Replace("%%", "%", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var result = ProcessRunner.Run(words[0], words.Skip(1), TimeSpan.FromSeconds(30), clearEnvironment: true);
            var verdict = Describe(result);
            if (!verdict.Ok)
                failures++;
            output.WriteLine($"   {parts[0].Trim(),-11} {verdict.Summary,-40} {result.Elapsed.TotalMilliseconds,6:0.0} ms  {Preview(result.Stdout)}");
        }

        return failures;
    }

    private static (bool Ok, string Summary) Describe(ProcessRunner.Result result)
    {
        if (result.Stderr.Length > 0)
            return (false, "wrote to stderr");
        try
        {
            using var document = JsonDocument.Parse(result.Stdout);
            var kind = document.RootElement.GetProperty("metadata").GetProperty("result").GetString();
            var data = document.RootElement.GetProperty("data");
            var size = data.ValueKind switch
            {
                JsonValueKind.Array => $"{data.GetArrayLength()} items",
                JsonValueKind.Object => $"{data.EnumerateObject().Count()} keys",
                _ => "null",
            };
            return (kind == "ok" && result.ExitCode == 0, $"{kind}, {size}, exit {result.ExitCode}");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (false, "not a valid envelope");
        }
    }

    private static string Preview(string stdout)
    {
        var text = stdout.Trim();
        return text.Length <= 70 ? text : text[..67] + "...";
    }
}
