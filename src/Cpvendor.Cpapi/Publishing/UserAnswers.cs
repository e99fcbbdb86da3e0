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

    /// <summary>
    /// The most a caller's file may hold. Its user can write it, and in privileged mode root reads it
    /// for them, so it is read as hostile input: anything larger fails closed instead of being loaded.
    /// </summary>
    public const int MaxBytes = Prerendered.StampedAnswers.MaxSourceBytes;

    /// <summary>Reads a caller's file; a caller with no file has no panel account and owns nothing.</summary>
    public static UserAnswers Read(InstallConfig config, uint uid)
    {
        var path = config.UserFile(uid);
        byte[] bytes;
        try
        {
            bytes = ReadCapped(path);
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

    /// <summary>Reads at most <see cref="MaxBytes"/>, plus one byte that tells a larger file (whatever its size claims).</summary>
    private static byte[] ReadCapped(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite, BufferSize = 0 };
        using var stream = new FileStream(path, options);
        var buffer = new byte[(int)Math.Clamp(stream.Length + 1, 1, MaxBytes + 1L)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length > MaxBytes)
                    break;
                Array.Resize(ref buffer, (int)Math.Min(MaxBytes + 1L, buffer.Length * 2L));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
                break;
            total += read;
        }

        if (total > MaxBytes)
            throw CpvendorException.DataUnavailable($"{path} is larger than {MaxBytes} bytes: refusing to read it (run 'cpvendor publish')");
        return buffer.AsSpan(0, total).ToArray();
    }

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, UserAnswersJsonContext.Default.UserAnswers);
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(UserAnswers))]
[JsonSerializable(typeof(Dictionary<string, DomainInfoWithPhp>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class UserAnswersJsonContext : JsonSerializerContext;
