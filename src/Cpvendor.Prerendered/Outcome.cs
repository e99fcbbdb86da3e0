namespace Cpvendor.Prerendered;

/// <summary>What <see cref="FastAnswers.Answer"/> did with a call.</summary>
public enum Outcome
{
    /// <summary>Not a call the pre-rendered answers hold, or any doubt about them: the full path must answer.</summary>
    NotHere,

    /// <summary>The whole answer was handed to the sink.</summary>
    Written,

    /// <summary>The sink could not take the answer (stdout closed).</summary>
    WriteFailed,
}

/// <summary>Takes the next part of an answer (a whole answer, or one block of a large one); false when it could not be written.</summary>
public delegate bool AnswerSink(ReadOnlySpan<byte> answer);
