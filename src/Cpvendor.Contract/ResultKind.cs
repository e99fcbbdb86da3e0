namespace Cpvendor.Contract;

/// <summary>The five values of <c>metadata.result</c> (docs/contract.md section 2).</summary>
public enum ResultKind
{
    Ok,
    InternalAPIError,
    PermissionDenied,
    BadRequest,
    NotFound,
}

public static class ResultKinds
{
    public static string WireName(this ResultKind kind) => kind switch
    {
        ResultKind.Ok => "ok",
        ResultKind.InternalAPIError => "InternalAPIError",
        ResultKind.PermissionDenied => "PermissionDenied",
        ResultKind.BadRequest => "BadRequest",
        ResultKind.NotFound => "NotFound",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static readonly IReadOnlyList<string> All = ["ok", "InternalAPIError", "PermissionDenied", "BadRequest", "NotFound"];
}
