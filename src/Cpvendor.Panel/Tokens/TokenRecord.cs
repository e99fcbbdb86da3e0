using System.Text.Json.Serialization;

namespace Cpvendor.Panel.Tokens;

/// <summary>What a ui token stands for; stored in a root-only file named by the token's SHA-256.</summary>
internal sealed record TokenRecord(
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("domain")] string? Domain,
    [property: JsonPropertyName("expires")] long Expires);
