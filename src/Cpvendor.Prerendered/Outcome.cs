namespace Cpvendor.Prerendered;

/// <summary>What <see cref="FastAnswers.Answer"/> did with a call.</summary>
public enum Outcome
{
    /// <summary>Not a call the pre-rendered answers hold, or any doubt about them: the full path must answer.</summary>
    NotHere,

    /// <summary>The answer was handed to the sink whole.</summary>
    Written,

    /// <summary>The sink could not take the answer (stdout closed).</summary>
    WriteFailed,
}

/// <summary>Takes one whole answer; false when it could not be written.</summary>
public delegate bool AnswerSink(ReadOnlySpan<byte> answer);
