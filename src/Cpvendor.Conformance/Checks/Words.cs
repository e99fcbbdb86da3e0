namespace Cpvendor.Conformance.Checks;

/// <summary>Small wording helpers, so that messages read as English ("an InternalAPIError").</summary>
internal static class Words
{
    /// <summary>"a" or "an" for a word (by its first letter; ok, InternalAPIError and NotFound all read right).</summary>
    public static string Article(string? word) =>
        word is { Length: > 0 } && "aeiouAEIOU".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";

    /// <summary>"a BadRequest" / "an InternalAPIError".</summary>
    public static string WithArticle(string? word) => $"{Article(word)} {word}";
}
