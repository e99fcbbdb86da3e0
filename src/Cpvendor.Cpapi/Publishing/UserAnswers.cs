using System.Text.Json;
using System.Text.Json.Serialization;
using Cpvendor.Contract;
using Cpvendor.Core;
using Cpvendor.Core.Native;
using Cpvendor.Prerendered;
using Cpvendor.Prerendered.Sealing;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// What one UNIX user may learn about themselves: their account names and their domains with PHP
/// details. Published per uid as the data section of their <see cref="AccountFile"/>, readable by
/// that uid alone, in a folder nobody else can list.
/// </summary>
public sealed record UserAnswers(
    [property: JsonPropertyName("usernames")] IReadOnlyList<string> Usernames,
    [property: JsonPropertyName("domains")] IReadOnlyDictionary<string, DomainInfoWithPhp> Domains)
{
    public static readonly UserAnswers Nobody = new([], new Dictionary<string, DomainInfoWithPhp>());

    /// <summary>
    /// The most a caller's data may hold. Its user may be able to rewrite the file, and in privileged
    /// mode root reads it for them, so it is read as hostile input: only the data is read, and
    /// anything larger fails closed instead of being loaded.
    /// </summary>
    public const int MaxBytes = AccountFile.MaxDataBytes;

    /// <summary>
    /// Reads a caller's data, sealed (<see cref="SealedAccounts"/>) or from a file of its own; a
    /// caller with neither has no panel account and owns nothing. An uid an older version published
    /// as <c>UID.json</c>, not republished since, is read from that file until the next publish
    /// replaces it: it is the data that version answered from.
    /// </summary>
    public static UserAnswers Read(InstallConfig config, uint uid)
    {
        var path = SealedAccounts.KeyFile(config, uid);
        byte[] bytes;
        switch (SealedAccounts.Read(config, uid, out var image))
        {
            case SealedLookup.Found:
                bytes = DataOf(path, image!);
                break;
            case SealedLookup.Damaged:
                throw CpvendorException.DataUnavailable($"the sealed answers of uid {uid} do not open with {path}: run 'cpvendor publish'");
            default:
                path = config.UserFile(uid);
                if (ReadOwnFile(config, uid, ref path) is not { } own)
                    return Nobody;
                bytes = own;
                break;
        }

        try
        {
            var answers = JsonSerializer.Deserialize(bytes, UserAnswersJsonContext.Default.UserAnswers);
            return answers is { Usernames: not null, Domains: not null } ? answers : throw Damaged(path);
        }
        catch (JsonException)
        {
            throw Damaged(path);
        }
    }

    /// <summary>The data of <paramref name="uid"/>'s file of its own, or of an older version's <c>UID.json</c>; null when it has neither.</summary>
    private static byte[]? ReadOwnFile(InstallConfig config, uint uid, ref string path)
    {
        try
        {
            return DataOf(path, ReadAtMost(path, uid, AccountFile.HeaderLength + MaxBytes));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            path = AnswerFiles.RetiredUserData(config, uid);
            byte[] bytes;
            try
            {
                bytes = ReadAtMost(path, uid, MaxBytes);
            }
            catch (Exception again) when (again is FileNotFoundException or DirectoryNotFoundException)
            {
                return null;
            }

            return bytes.Length > MaxBytes ? throw TooLarge(path) : bytes;
        }
    }

    /// <summary>The data section of <paramref name="start"/>, the first bytes of an <see cref="AccountFile"/>.</summary>
    private static byte[] DataOf(string path, byte[] start)
    {
        if (AccountFile.DataLength(start) is not { } length)
            throw Damaged(path);
        if (length > MaxBytes)
            throw TooLarge(path);
        if (AccountFile.HeaderLength + length > start.Length)
            throw Damaged(path);
        return start.AsSpan(AccountFile.HeaderLength, (int)length).ToArray();
    }

    private static CpvendorException Damaged(string path) => CpvendorException.DataUnavailable($"{path} is damaged: run 'cpvendor publish'");

    private static CpvendorException TooLarge(string path) =>
        CpvendorException.DataUnavailable($"{path} is larger than {MaxBytes} bytes: refusing to read it (run 'cpvendor publish')");

    /// <summary>
    /// Reads the first <paramref name="limit"/> bytes of <paramref name="uid"/>'s file, plus one byte
    /// that tells a longer file (whatever its size claims); a file of another owner is refused
    /// (<see cref="AccountFile.MayAnswer"/>). Only root writes in the folder, so the name checked is the file read.
    /// </summary>
    private static byte[] ReadAtMost(string path, uint uid, int limit)
    {
        var options = new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.ReadWrite, BufferSize = 0 };
        using var stream = new FileStream(path, options);
        if (Libc.Owner(path) is not { } status || !AccountFile.MayAnswer(status.Uid, uid))
            throw CpvendorException.DataUnavailable($"{path} is not owned by root or uid {uid}: refusing to read it (run 'cpvendor publish')");
        var buffer = new byte[(int)Math.Clamp(stream.Length + 1, 1, limit + 1L)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (buffer.Length > limit)
                    break;
                Array.Resize(ref buffer, (int)Math.Min(limit + 1L, buffer.Length * 2L));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
                break;
            total += read;
        }

        return buffer.AsSpan(0, total).ToArray();
    }

    public byte[] ToUtf8() => JsonSerializer.SerializeToUtf8Bytes(this, UserAnswersJsonContext.Default.UserAnswers);
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(UserAnswers))]
[JsonSerializable(typeof(Dictionary<string, DomainInfoWithPhp>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class UserAnswersJsonContext : JsonSerializerContext;
