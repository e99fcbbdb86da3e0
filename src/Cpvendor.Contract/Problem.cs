namespace Cpvendor.Contract;

/// <summary>
/// An expected failure of a cpapi call: a value that maps one to one onto an error envelope. Every
/// message of an envelope is built here, so this is the one place that cuts what a caller put in it:
/// a message longer than <see cref="MaxMessageLength"/> keeps its first <see cref="KeptLength"/>
/// characters and says how many were cut (a 100 KB argument is not echoed back).
/// </summary>
public sealed record Problem(ResultKind Kind, string Message)
{
    /// <summary>The longest message an envelope carries whole.</summary>
    public const int MaxMessageLength = 240;

    /// <summary>How much of a longer message is kept before the marker.</summary>
    public const int KeptLength = 200;

    public string Message { get; init; } = Cut(Message);

    public static Problem BadRequest(string message) => new(ResultKind.BadRequest, message);

    public static Problem NotFound(string message) => new(ResultKind.NotFound, message);

    public static Problem PermissionDenied(string message) => new(ResultKind.PermissionDenied, message);

    public static Problem Internal(string message) => new(ResultKind.InternalAPIError, message);

    /// <summary>The message as an envelope carries it: whole when short, else its start and a marker.</summary>
    public static string Cut(string message)
    {
        if (message.Length <= MaxMessageLength)
            return message;
        var kept = char.IsHighSurrogate(message[KeptLength - 1]) ? KeptLength - 1 : KeptLength;
        return $"{message[..kept]}... ({message.Length - kept} more characters cut)";
    }
}
