using System.Text.Json;
using System.Text.Json.Serialization;
using Cpvendor.Core;

namespace Cpvendor.Store;

/// <summary>
/// The MySQL account db_info hands to lve-stats. A secret: kept beside the store in a file readable
/// by root only (mode 0600), never in the store itself, which administrators may read.
/// </summary>
public sealed record DbCredential(
    [property: JsonPropertyName("login")] string Login,
    [property: JsonPropertyName("password")] string Password,
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("port")] int Port)
{
    /// <summary>Reads the credential; null when the file does not exist (no MySQL configured).</summary>
    public static DbCredential? Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, DbCredentialJsonContext.Default.DbCredential)
                ?? throw CpvendorException.DataUnavailable($"{path} holds no credential");
        }
        catch (JsonException e)
        {
            throw CpvendorException.DataUnavailable($"{path} is not a valid credential file: {e.Message}");
        }
    }

    /// <summary>Writes the credential atomically with mode 0600.</summary>
    public void Write(string path) =>
        SecureFile.WriteAtomic(path, JsonSerializer.SerializeToUtf8Bytes(this, DbCredentialJsonContext.Default.DbCredential), FileModes.PrivateFile);
}

[JsonSerializable(typeof(DbCredential))]
internal sealed partial class DbCredentialJsonContext : JsonSerializerContext;
