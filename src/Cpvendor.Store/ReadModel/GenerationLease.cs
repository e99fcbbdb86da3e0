using Cpvendor.Core;
using Cpvendor.Core.Native;

namespace Cpvendor.Store.ReadModel;

/// <summary>
/// A reader's hold on one generation: an open descriptor with a shared flock taken without waiting
/// (<c>LOCK_SH | LOCK_NB</c>), so that the publisher never patches a generation someone is reading
/// (it takes the exclusive lock without waiting too, and writes a new file when it cannot). SQLite
/// then opens the same name, and <see cref="ReadModelReader"/> checks that the name still points at
/// the leased file afterwards.
/// A shared lock refused means someone holds the file exclusively: the publisher patching a spare
/// (the current name then points elsewhere, so the reader opens again) or anybody else, in which case
/// the publisher cannot patch it either and it is read as it is. The reader never waits.
/// </summary>
internal sealed class GenerationLease : IDisposable
{
    private const int Attempts = 4;
    private int fd;

    private GenerationLease(int fd) => this.fd = fd;

    /// <summary>Whether <paramref name="path"/> names the leased file now.</summary>
    public bool IsNamedBy(string path) => Libc.InodeOf(fd) is { } inode && inode == Libc.Inode(path);

    public static GenerationLease Take(string path)
    {
        for (var attempt = 1; ; attempt++)
        {
            var fd = Libc.OpenForReading(path);
            if (fd < 0)
            {
                if (!File.Exists(path))
                    throw CpvendorException.DataUnavailable($"{path} is missing: run 'cpvendor publish'");
                throw new UnauthorizedAccessException($"{path} cannot be opened for reading");
            }

            var lease = new GenerationLease(fd);
            var leased = Libc.TryLockShared(fd);
            var stillCurrent = lease.IsNamedBy(path);
            if (stillCurrent || (leased && attempt == Attempts))
                return lease;
            lease.Dispose();
            if (attempt == Attempts)
                throw CpvendorException.DataUnavailable($"{path} was replaced {Attempts} times while it was being opened");
        }
    }

    public void Dispose()
    {
        if (fd >= 0)
            Libc.CloseDescriptor(fd);
        fd = -1;
    }
}
