namespace Cpvendor.Conformance.Running;

/// <summary>What a check expects of a call; it decides which aggregate checks judge the answer.</summary>
internal enum CallExpectation
{
    /// <summary>A successful answer whose data the schema checks judge.</summary>
    Ok,

    /// <summary>An error envelope (BadRequest, NotFound, PermissionDenied).</summary>
    Error,

    /// <summary>
    /// Odd input sent only to see the script survive: its JSON validity is judged by the robustness
    /// check rather than by the every-answer checks.
    /// </summary>
    Probe,
}
