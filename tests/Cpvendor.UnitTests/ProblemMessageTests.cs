using Cpvendor.Contract;

namespace Cpvendor.UnitTests;

/// <summary>Every envelope message is built as a <see cref="Problem"/>, which cuts what is too long to echo.</summary>
public sealed class ProblemMessageTests
{
    [Fact]
    public void A_short_message_is_kept_whole()
    {
        var message = new string('a', Problem.MaxMessageLength);

        Assert.Equal(message, Problem.NotFound(message).Message);
    }

    [Fact]
    public void A_long_message_keeps_its_start_and_says_how_much_was_cut()
    {
        var message = "No such user `" + new string('x', 100 * 1024) + "`";

        var cut = Problem.NotFound(message).Message;

        Assert.StartsWith("No such user `xxx", cut, StringComparison.Ordinal);
        Assert.EndsWith($"... ({message.Length - Problem.KeptLength} more characters cut)", cut, StringComparison.Ordinal);
        Assert.True(cut.Length < 260);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var message = new string('a', Problem.KeptLength - 1) + "\U0001F600" + new string('b', 500);

        var cut = Problem.BadRequest(message).Message;

        Assert.Equal(new string('a', Problem.KeptLength - 1) + "...", cut[..(Problem.KeptLength + 2)]);
    }
}
