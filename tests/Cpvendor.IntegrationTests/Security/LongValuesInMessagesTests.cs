using Cpvendor.IntegrationTests.Harness;

namespace Cpvendor.IntegrationTests.Security;

/// <summary>
/// A message of an envelope echoes what the caller asked for; it is cut where messages are built,
/// so a 100 KB argument comes back as a few hundred characters (docs/cpapi.md, docs/security.md).
/// </summary>
public sealed class LongValuesInMessagesTests : IClassFixture<LongValuesInMessagesTests.Env>
{
    private const int MaxMessage = 300;
    private readonly Env env;

    public LongValuesInMessagesTests(Env env) => this.env = env;

    [Theory]
    [InlineData("domains", "--owner")]
    [InlineData("domains", "--name")]
    [InlineData("users", "--username")]
    [InlineData("packages", "--owner")]
    public void A_100_KB_value_is_cut_in_the_message(string script, string option)
    {
        var value = new string('x', 100 * 1024);

        var envelope = Envelope.Of(env.Install.Cpapi(script, option, value));

        Assert.NotEqual("ok", envelope.Result);
        Assert.True(envelope.Message!.Length <= MaxMessage, $"{envelope.Message.Length} characters");
        Assert.EndsWith("characters cut)", envelope.Message, StringComparison.Ordinal);
    }

    public sealed class Env : IDisposable
    {
        public TempInstall Install { get; } = TempInstall.Create(users: 5);

        public void Dispose() => Install.Dispose();
    }
}
