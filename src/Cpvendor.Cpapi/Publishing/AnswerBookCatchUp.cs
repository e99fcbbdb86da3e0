using System.Text;
using Cpvendor.Core;
using Cpvendor.Prerendered;

namespace Cpvendor.Cpapi.Publishing;

/// <summary>
/// Brings back an answer book whose builder never finished (killed with the cgroup of a systemd unit
/// or a job runner, or by hand): a call of the full binary that runs as root and finds the book
/// stamped with another generation than the current one starts a builder, never builds in the call, so the book catches up with the store at the next root
/// call instead of at the next change. Bounded whoever's call it is (in privileged mode root answers
/// end users too): nothing starts while a builder holds the book's lock, and at most one builder per
/// generation and minute, recorded in a root-only file beside the book.
/// </summary>
public static class AnswerBookCatchUp
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    /// <summary>Starts a builder when the book is behind and none was started for this generation lately; never throws.</summary>
    public static void StartIfBehind(Func<InstallConfig> loadConfig)
    {
        ArgumentNullException.ThrowIfNull(loadConfig);
        try
        {
            var config = loadConfig();
            var folder = AnswerFiles.ModelFolder(config);
            // Only a book of another generation, with no patch bringing it to the current one, is one whose
            // builder never finished: books are written whole and renamed, so a missing or damaged one is
            // the doctor's to report and publish's to mend.
            if (GenerationStamp.Of(AnswerFiles.Generation(config)) is not { } current
                || AnswerBookPublisher.StampOfBook(AnswerFiles.Book(config)) is not { } booked
                || booked == current || AnswerBookPatcher.Serves(config, current))
            {
                return;
            }

            // A builder at work holds the lock: it will find the newest generation itself.
            using (var probe = FileLock.TryAcquire(Path.Combine(folder, ".book.lock"), TimeSpan.Zero))
            {
                if (probe is null)
                    return;
            }

            var marker = Path.Combine(folder, ".book.wanted");
            var wanted = Encoding.ASCII.GetBytes(current.ToString() + "\n");
            if (File.Exists(marker) && DateTime.UtcNow - File.GetLastWriteTimeUtc(marker) < Interval
                && File.ReadAllBytes(marker).AsSpan().SequenceEqual(wanted))
            {
                return;
            }

            SecureFile.WriteAtomic(marker, wanted, FileModes.PrivateFile);
            AnswerBookPublisher.StartBuilder(config);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CpvendorException)
        {
            // The answer is already out; a book that stays behind only costs calls the full path.
        }
    }
}
