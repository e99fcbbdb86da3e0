using System.Text.RegularExpressions;
using Cpvendor.Conformance.Checks;

namespace Cpvendor.UnitTests.Checks;

public sealed partial class UiTokensTests
{
    [Fact]
    public void Unknown_tokens_are_shaped_like_the_ones_panels_issue()
    {
        var tokens = UiTokens.Unknown().ToDictionary(t => t.Shape, t => t.Token);
        Assert.Matches(Hex(), tokens["hex"]);
        Assert.Matches(Base64Url(), tokens["base64url"]);
        var parts = tokens["JWT-like"].Split('.');
        Assert.Equal(3, parts.Length);
        Assert.All(parts, p => Assert.Matches(Base64UrlAnyLength(), p));
        Assert.StartsWith("eyJ", parts[0], StringComparison.Ordinal);
        Assert.Contains("garbage", tokens.Keys);
        Assert.NotEqual(UiTokens.Unknown()[1].Token, tokens["hex"]);
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex Hex();

    [GeneratedRegex("^[A-Za-z0-9_-]{43}$")]
    private static partial Regex Base64Url();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex Base64UrlAnyLength();
}
