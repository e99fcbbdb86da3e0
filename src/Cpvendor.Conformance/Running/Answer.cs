using System.Text;
using System.Text.Json;
using Cpvendor.Contract;

namespace Cpvendor.Conformance.Running;

/// <summary>
/// A script's stdout read as CloudLinux reads it (docs/contract.md section 2): one UTF-8 JSON document,
/// an object with exactly <c>data</c> and <c>metadata</c>, <c>metadata.result</c> one of the five
/// kinds. Each layer that fails leaves its reason; the layers above it stay empty.
/// </summary>
internal sealed class Answer
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    private Answer()
    {
    }

    /// <summary>Why stdout is not one UTF-8 JSON document, or null when it is.</summary>
    public string? JsonError { get; private init; }

    /// <summary>Why the document is not an envelope, or null when it is.</summary>
    public string? EnvelopeError { get; private init; }

    public JsonElement Root { get; private init; }

    /// <summary>A well-formed envelope whose result is none of the five kinds: that kind.</summary>
    public string? UnknownResult { get; private init; }

    public string? Result { get; private init; }

    /// <summary>The <c>message</c> member: absent, null or a string (raw JSON otherwise).</summary>
    public JsonElement? Message { get; private init; }

    public JsonElement Data { get; private init; }

    public bool IsJson => JsonError is null;

    public bool IsEnvelope => JsonError is null && EnvelopeError is null;

    public string? MessageText => Message is { ValueKind: JsonValueKind.String } m ? Checks.Json.Text(m) : null;

    public static Answer Parse(byte[] stdout)
    {
        if (stdout.Length == 0)
            return new Answer { JsonError = "stdout is empty" };
        if (stdout.AsSpan().StartsWith("\xEF\xBB\xBF"u8))
            return new Answer { JsonError = "stdout starts with a byte order mark" };
        try
        {
            StrictUtf8.GetCharCount(stdout);
        }
        catch (DecoderFallbackException)
        {
            return new Answer { JsonError = "stdout is not valid UTF-8" };
        }

        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(stdout, new JsonDocumentOptions { MaxDepth = 256 });
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return new Answer { JsonError = "not one JSON document: " + e.Message };
        }

        return Envelope(root);
    }

    private static Answer Envelope(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
            return new Answer { Root = root, EnvelopeError = $"the document is a JSON {Kind(root)}, not an object" };
        var keys = root.EnumerateObject().Select(p => p.Name).ToList();
        var extra = keys.Where(k => k is not ("data" or "metadata")).ToList();
        if (!root.TryGetProperty("data", out var data))
            return new Answer { Root = root, EnvelopeError = "no \"data\" member" };
        if (!root.TryGetProperty("metadata", out var metadata))
            return new Answer { Root = root, EnvelopeError = "no \"metadata\" member" };
        if (extra.Count > 0)
            return new Answer { Root = root, EnvelopeError = "members beyond data and metadata: " + string.Join(", ", extra) };
        if (keys.Count != keys.Distinct(StringComparer.Ordinal).Count())
            return new Answer { Root = root, EnvelopeError = "a member appears twice" };
        if (metadata.ValueKind != JsonValueKind.Object)
            return new Answer { Root = root, EnvelopeError = $"\"metadata\" is a JSON {Kind(metadata)}, not an object" };
        var metaExtra = metadata.EnumerateObject().Select(p => p.Name).Where(k => k is not ("result" or "message")).ToList();
        if (metaExtra.Count > 0)
            return new Answer { Root = root, EnvelopeError = "metadata members beyond result and message: " + string.Join(", ", metaExtra) };
        if (!metadata.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.String)
            return new Answer { Root = root, EnvelopeError = "metadata.result is missing or not a string" };
        var kind = Checks.Json.Text(result);
        if (!ResultKinds.All.Contains(kind))
            return new Answer { Root = root, UnknownResult = kind, EnvelopeError = $"metadata.result \"{kind}\" is not one of {string.Join(", ", ResultKinds.All)}" };
        JsonElement? message = metadata.TryGetProperty("message", out var m) ? m : null;
        return new Answer { Root = root, Result = kind, Message = message, Data = data };
    }

    public static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
