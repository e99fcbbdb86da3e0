using Cpvendor.Core;
using Cpvendor.Prerendered;

namespace Cpvendor.Doctor.Checks;

/// <summary>
/// docs/contract.md section 2: the small binary answers administrators' frequent calls from the
/// answer book only while the book was built from the current read-model generation and its data
/// is within the source's maximum age. Otherwise every such call takes the full binary: the answers
/// stay right and fresh but cost about twice as much. A lifecycle command rebuilds the book in a
/// process of its own right after it returns, so a book a moment behind is normal; one that stays
/// behind means the rebuild fails. A book with the patch beside it that brings it to the current
/// generation (what a one-account change writes) serves like a current one.
/// </summary>
internal sealed class AnswerBookServesTheReadModel : Check
{
    public override string Name => "The answer book serves the current read model";

    public override string Section => "2";

    public override IEnumerable<Finding> Run(HostView host)
    {
        if (host.Config.Config is not { } config)
        {
            yield return Unknown("the install's settings cannot be read", host.Config.Problem, "run 'cpvendor install'");
            yield break;
        }

        // Privileged mode's small copy reads the same book, as root, for root and administrators.
        var path = AnswerFiles.Book(config);
        if (!File.Exists(AnswerFiles.Generation(config)))
        {
            yield return Unknown("there is no read-model generation to build the book from", AnswerFiles.Generation(config), "cpvendor publish");
            yield break;
        }

        if (!File.Exists(path))
        {
            yield return Warning("there is no answer book: every administrator call takes the full binary (correct, but slower)", path, "cpvendor publish --answer-book");
            yield break;
        }

        // A book one change or more behind serves with the patch beside it (docs/cpapi.md, "the book patch").
        using var book = BookView.Open(config, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        if (book is null)
        {
            yield return Warning(
                "the answer book is damaged, past the data's maximum age or built from an older generation: administrator calls take the full binary (correct, but slower) until it is rebuilt",
                path, "cpvendor publish --answer-book (if this persists right after a lifecycle command, run it by hand to see why it fails)");
        }
        else
        {
            yield return Ok(book.Patched
                ? $"the answer book and its patch serve the current read model ({book.All(BookView.Users).Count} accounts)"
                : $"the answer book was built from the current read model ({book.All(BookView.Users).Count} accounts)", path);
        }
    }
}
