using System.Text.Json;
using Cpvendor.Core;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>A parsed cpapi answer, asserted to be exactly one valid envelope.</summary>
public sealed class Envelope
{
    private Envelope(RunResult run, JsonElement root)
    {
        Run = run;
        Root = root;
    }

    public RunResult Run { get; }

    public JsonElement Root { get; }

    public string Result => Root.GetProperty("metadata").GetProperty("result").GetString()!;

    public JsonElement Data => Root.GetProperty("data");

    public string? Message => Root.GetProperty("metadata").TryGetProperty("message", out var m) ? m.GetString() : null;

    /// <summary>Parses and checks the envelope rules of docs/contract.md section 2.</summary>
    public static Envelope Of(RunResult run)
    {
        Assert.True(run.Stderr.Length == 0, $"stderr must stay empty: {run}");
        Assert.True(run.ExitCode == ExitCodes.Success, $"a well-formed envelope exits 0: {run}");
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(run.Stdout).RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new Xunit.Sdk.XunitException($"not one JSON document ({e.Message}): {run}");
        }

        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        var names = root.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["data", "metadata"], names);
        var metadata = root.GetProperty("metadata");
        var result = metadata.GetProperty("result").GetString();
        Assert.Contains(result, Contract.ResultKinds.All);
        if (result == "ok")
        {
            Assert.Equal(["result"], metadata.EnumerateObject().Select(p => p.Name).ToArray());
        }
        else
        {
            Assert.Equal(JsonValueKind.Null, root.GetProperty("data").ValueKind);
            Assert.Equal(JsonValueKind.String, metadata.GetProperty("message").ValueKind);
            Assert.False(string.IsNullOrWhiteSpace(metadata.GetProperty("message").GetString()));
        }

        return new Envelope(run, root);
    }

    public Envelope Is(string result)
    {
        Assert.True(Result == result, $"expected {result}, got {Result}: {Run.Stdout}");
        return this;
    }
}
