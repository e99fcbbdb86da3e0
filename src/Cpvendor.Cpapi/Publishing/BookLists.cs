using Cpvendor.Core;
using Cpvendor.Prerendered;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// The unfiltered administrator lists as the full binary answers them from the answer book, the one
/// published form of those answers (ARCHITECTURE.md): the bytes the live scripts printed for the
/// current generation, used only while the book carries that generation's stamp and may still be
/// served. The small binary answers these calls itself; the full binary gets them in privileged mode,
/// when integration.ini names it, and from a caller the small binary handed on.
/// </summary>
public static class BookLists
{
    /// <summary>The published answer of <paramref name="args"/> (a script name alone), or null to answer live.</summary>
    public static ReadOnlyMemory<byte>? TryRead(InstallConfig config, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Count != 1)
            return null;
        var section = args[0] switch
        {
            "users" => BookSection.Users,
            "domains" => BookSection.Domains,
            _ => (BookSection?)null,
        };
        if (section is null)
            return null;
        using var book = AnswerBook.Open(AnswerFiles.Book(config), AnswerFiles.Generation(config), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        // Spelled out: a null array converts to an empty ReadOnlyMemory, which would read as an answer.
        if (book is null)
            return null;
        return book.Section(section.Value).ToArray();
    }
}
