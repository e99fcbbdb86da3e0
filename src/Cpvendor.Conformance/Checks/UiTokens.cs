using System.Security.Cryptography;
using System.Text;

namespace Cpvendor.Conformance.Checks;

/// <summary>
/// Tokens nobody issued, shaped like the ones panels really issue (hex, base64url, a JWT) and as
/// plain garbage, so that a ui_user_info that rejects by format is also tried past the format.
/// </summary>
internal static class UiTokens
{
    public static IReadOnlyList<(string Shape, string Token)> Unknown()
    {
        var header = Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
        var payload = Base64Url(Encoding.UTF8.GetBytes($"{{\"sub\":\"cpvendor-check\",\"exp\":{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()}}}"));
        return
        [
            ("garbage", "cpvendor-check-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()),
            ("hex", Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant()),
            ("base64url", Base64Url(RandomNumberGenerator.GetBytes(32))),
            ("JWT-like", $"{header}.{payload}.{Base64Url(RandomNumberGenerator.GetBytes(32))}"),
        ];
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
