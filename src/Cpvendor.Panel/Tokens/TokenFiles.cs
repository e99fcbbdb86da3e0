using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cpvendor.Core;

namespace Cpvendor.Panel.Tokens;

/// <summary>
/// The token store: a folder readable by root only (0700), one 0600 file per live token, named by
/// the SHA-256 of the token, so the store never holds a token itself. Expired files are removed.
/// </summary>
internal static partial class TokenFiles
{
    private const UnixFileMode FolderMode = FileModes.PrivateFolder;
    private const UnixFileMode FileMode = FileModes.PrivateFile;

    /// <summary>A fresh token: 32 random bytes, base64url without padding (43 characters).</summary>
    public static string NewToken() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool IsWellFormed(string? token) => token is not null && TokenPattern().IsMatch(token);

    public static void Save(InstallConfig config, string token, TokenRecord record)
    {
        Directory.CreateDirectory(config.UiTokenDir);
        File.SetUnixFileMode(config.UiTokenDir, FolderMode);
        SecureFile.WriteAtomic(PathOf(config, token), JsonSerializer.SerializeToUtf8Bytes(record, PanelJsonContext.Default.TokenRecord), FileMode, 0, 0);
    }

    /// <summary>The record of a live token; null for anything else (unknown, expired, unreadable, damaged).</summary>
    public static TokenRecord? Find(InstallConfig config, string token, long now)
    {
        if (!IsWellFormed(token))
            return null;
        var path = PathOf(config, token);
        try
        {
            var record = JsonSerializer.Deserialize(File.ReadAllBytes(path), PanelJsonContext.Default.TokenRecord);
            if (record is null)
                return null;
            if (record.Expires <= now)
            {
                File.Delete(path);
                return null;
            }

            return record;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Removes the files of expired tokens.</summary>
    public static int Sweep(InstallConfig config, long now)
    {
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(config.UiTokenDir))
        {
            try
            {
                var record = JsonSerializer.Deserialize(File.ReadAllBytes(file), PanelJsonContext.Default.TokenRecord);
                if (record is null || record.Expires <= now)
                {
                    File.Delete(file);
                    removed++;
                }
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }

    private static string PathOf(InstallConfig config, string token) =>
        Path.Combine(config.UiTokenDir, Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token))));

    [GeneratedRegex(@"^[A-Za-z0-9_-]{43}\z")]
    private static partial Regex TokenPattern();
}
