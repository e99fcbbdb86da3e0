namespace Cpvendor.Contract;

/// <summary>
/// An expected failure of a cpapi call: a value that maps one to one onto an error envelope.
/// </summary>
public sealed record Problem(ResultKind Kind, string Message)
{
    public static Problem BadRequest(string message) => new(ResultKind.BadRequest, message);

    public static Problem NotFound(string message) => new(ResultKind.NotFound, message);

    public static Problem PermissionDenied(string message) => new(ResultKind.PermissionDenied, message);

    public static Problem Internal(string message) => new(ResultKind.InternalAPIError, message);
}
