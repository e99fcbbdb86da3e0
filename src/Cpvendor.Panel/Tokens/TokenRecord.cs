using System.Text.Json.Serialization;

namespace Cpvendor.Panel.Tokens;

/// <summary>
/// What a ui token stands for; stored in a root-only file named by the token's SHA-256. A token is
/// bound to one identity (docs/contract.md section 3): its role, the store's stable id of the entity
/// and the uid it was issued with. A record without them (the earlier format) resolves to nothing.
/// </summary>
internal sealed record TokenRecord(
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("domain")] string? Domain,
    [property: JsonPropertyName("expires")] long Expires)
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("identity")]
    public string? IdentityId { get; init; }

    [JsonPropertyName("uid")]
    public long? Uid { get; init; }
}
