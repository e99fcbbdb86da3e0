using Cpvendor.Core;

namespace Cpvendor.Store.ReadModel;

/// <summary>An exclusive flock between publishers, released by the kernel if the holder dies (even by SIGKILL).</summary>
internal sealed class PublishLock : IDisposable
{
    private readonly FileStream stream;

    private PublishLock(FileStream stream) => this.stream = stream;

    public static PublishLock Acquire(string path, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                // On Linux, FileShare.None takes flock(LOCK_EX | LOCK_NB) on the descriptor.
                return new PublishLock(new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                }));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }
            catch (IOException e)
            {
                throw CpvendorException.Io($"another cpvendor process holds {path}; try again", e);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
