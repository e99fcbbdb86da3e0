using System.Text.Json;
using Cpvendor.Conformance.Running;

namespace Cpvendor.Conformance.Checks;

/// <summary>
/// A script's unfiltered answer to root: the reference every filter, consistency and end-user check
/// compares against. <see cref="Unusable"/> says why it cannot serve (and the dependent checks skip).
/// </summary>
internal sealed record BaselineAnswer(CallResult? Call, JsonElement Data, string? Unusable)
{
    /// <summary>The script this answer is of.</summary>
    public string Script { get; init; } = "";

    public IReadOnlyList<JsonElement> Items => Unusable is null ? Json.Items(Data).ToList() : [];

    public IReadOnlyList<JsonProperty> Entries => Unusable is null ? Json.Entries(Data).ToList() : [];

    public static BaselineAnswer From(string script, CallResult? call, JsonValueKind kind) =>
        Of(script, call, kind) with { Script = script };

    private static BaselineAnswer Of(string script, CallResult? call, JsonValueKind kind)
    {
        if (call is null)
            return new(null, default, OptionalScripts.Features.TryGetValue(script, out var lost)
                ? $"{script} is not configured (optional; {lost})"
                : $"integration.ini gives no usable command for {script}");
        if (!call.IsEnvelope)
            return new(call, default, $"the unfiltered {script} answer is not a valid envelope");
        if (call.Answer.Result != "ok")
            return new(call, default, $"the unfiltered {script} answer is {call.Answer.Result}: {call.Answer.MessageText}");
        if (call.Answer.Data.ValueKind != kind)
            return new(call, default, $"the unfiltered {script} data is a JSON {Answer.Kind(call.Answer.Data)}, not {(kind == JsonValueKind.Array ? "an array" : "an object")}");
        return new(call, call.Answer.Data, null);
    }
}
