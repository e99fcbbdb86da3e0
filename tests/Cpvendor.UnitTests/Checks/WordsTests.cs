using Cpvendor.Conformance.Checks;

namespace Cpvendor.UnitTests.Checks;

public sealed class WordsTests
{
    [Theory]
    [InlineData("InternalAPIError", "an InternalAPIError")]
    [InlineData("ok", "an ok")]
    [InlineData("BadRequest", "a BadRequest")]
    [InlineData("NotFound", "a NotFound")]
    [InlineData("PermissionDenied", "a PermissionDenied")]
    public void Result_kinds_take_the_right_article(string kind, string expected) =>
        Assert.Equal(expected, Words.WithArticle(kind));
}
