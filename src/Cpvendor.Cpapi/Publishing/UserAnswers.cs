using System.Text.Json;
using System.Text.Json.Serialization;
using Cpvendor.Contract;
using Cpvendor.Core;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// What one UNIX user may learn about themselves: their account names and their domains with PHP
/// details. Published per uid, owned by that uid, mode 0400, in a folder nobody else can list.
/// </summary>
public sealed record UserAnswers(
    [property: JsonPropertyName("usernames")] IReadOnlyList<string> Usernames,
    [property: JsonPropertyName("domains")] IReadOnlyDictionary<string, DomainInfoWithPhp> Domains)
{
    public static readonly UserAnswers Nobody = new([], new Dictionary<string, DomainInfoWithPhp>());

    /// <summary>Reads a caller's file; a caller with no file has no panel account and owns nothing.</summary>
    public static UserAnswers Read(InstallConfig config, uint uid)
    {
        var path = config.UserFile(uid);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Nobody;
        }

        try
        {
            var answers = JsonSerializer.Deserialize(bytes, UserAnswersJsonContext.Default.UserAnswers);
            return answers is { Usernames: not null, Domains: not null }
                ? answers
                : throw CpvendorException.DataUnavailable($"{path} is damaged: run 'cpvendor publish'");
        }
        catch (JsonException)
        {
            throw CpvendorException.DataUnavailable($"{path} is damaged: run 'cpvendor publish'");
        }
    }

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, UserAnswersJsonContext.Default.UserAnswers);
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(UserAnswers))]
[JsonSerializable(typeof(Dictionary<string, DomainInfoWithPhp>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class UserAnswersJsonContext : JsonSerializerContext;
