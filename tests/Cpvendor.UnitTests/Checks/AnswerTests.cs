using System.Text;
using Cpvendor.Conformance.Running;

namespace Cpvendor.UnitTests.Checks;

public sealed class AnswerTests
{
    private static Answer Parse(string text) => Answer.Parse(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void An_ok_envelope_is_read_with_its_data()
    {
        var answer = Parse("{\"data\": [1], \"metadata\": {\"result\": \"ok\"}}\n");
        Assert.True(answer.IsEnvelope);
        Assert.Equal("ok", answer.Result);
        Assert.Equal(1, answer.Data.GetArrayLength());
    }

    [Theory]
    [InlineData("", "stdout is empty")]
    [InlineData("Traceback (most recent call last):", "not one JSON document")]
    [InlineData("{\"data\":null,\"metadata\":{\"result\":\"ok\"}}\n{\"data\":null}", "not one JSON document")]
    [InlineData("{\"a\":1,}", "not one JSON document")]
    public void Anything_but_one_json_document_is_not_json(string stdout, string reason)
    {
        var answer = Parse(stdout);
        Assert.False(answer.IsJson);
        Assert.StartsWith(reason, answer.JsonError, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_are_not_json()
    {
        var answer = Answer.Parse([.. "{\"data\":\""u8.ToArray(), 0xff, .. "\"}"u8.ToArray()]);
        Assert.Equal("stdout is not valid UTF-8", answer.JsonError);
    }

    [Theory]
    [InlineData("[1]", "not an object")]
    [InlineData("{\"error\":\"x\"}", "no \"data\" member")]
    [InlineData("{\"data\":null}", "no \"metadata\" member")]
    [InlineData("{\"data\":null,\"metadata\":{\"result\":\"ok\"},\"extra\":1}", "members beyond data and metadata: extra")]
    [InlineData("{\"data\":null,\"metadata\":{\"result\":\"ok\",\"code\":1}}", "metadata members beyond result and message: code")]
    [InlineData("{\"data\":null,\"metadata\":{}}", "metadata.result is missing or not a string")]
    public void Json_that_is_not_an_envelope_says_why(string stdout, string reason)
    {
        var answer = Parse(stdout);
        Assert.True(answer.IsJson);
        Assert.False(answer.IsEnvelope);
        Assert.Contains(reason, answer.EnvelopeError, StringComparison.Ordinal);
        Assert.Null(answer.UnknownResult);
    }

    [Fact]
    public void A_result_outside_the_five_kinds_is_reported_as_such()
    {
        var answer = Parse("{\"data\":null,\"metadata\":{\"result\":\"error\",\"message\":\"x\"}}");
        Assert.Equal("error", answer.UnknownResult);
        Assert.False(answer.IsEnvelope);
    }
}
