using System.Globalization;
using System.Text.Json.Nodes;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>
/// One row of a contract table (a <c>cpapi-example</c> line of docs/contract.md, see
/// <see cref="ContractExamples"/>): the arguments given to <c>cpvendor cpapi</c>, the result kind the
/// contract prescribes and, for <c>ok</c>, the data derived from the test's own panel. The label is
/// the command line, so a failing row names itself.
/// </summary>
public sealed record ContractCase(string[] Args, string Result, Func<KnownPanel, JsonNode?>? Data = null, string? Message = null)
{
    public string Label => string.Join(' ', Args.Select(a => a.Length == 0 ? "''" : a));

    /// <summary>The arguments with <c>{bob-uid}</c> and <c>{alice-uid}</c> replaced by the panel's ids.</summary>
    public string[] Resolve(KnownPanel panel) => [.. Args.Select(a => a
        .Replace("{bob-uid}", panel.BobUid.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{alice-uid}", panel.AliceUid.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal))];

    /// <summary>Asserts that <paramref name="envelope"/> is what this row prescribes.</summary>
    public void Check(Envelope envelope, KnownPanel panel)
    {
        Assert.True(envelope.Result == Result, $"cpapi {Label}: expected {Result}, got {envelope.Run.Stdout}");
        if (Data is not null)
        {
            var expected = Expected.Canonical(Data(panel));
            var actual = Expected.Canonical(envelope.Data);
            Assert.True(expected == actual, $"cpapi {Label}:\nexpected {expected}\nactual   {actual}");
        }

        if (Message is not null)
            Assert.Equal(Message, envelope.Message);
    }
}
