namespace Cpvendor.Core;

/// <summary>
/// An exclusive advisory lock between cpvendor processes: flock on a root-only file beside the store
/// (on Linux, <see cref="FileShare.None"/> takes <c>flock(LOCK_EX | LOCK_NB)</c> on the descriptor),
/// released by the kernel when the holder dies, even by SIGKILL. The one lock of the hook delivery,
/// the publishers and the sync.
/// </summary>
public sealed class FileLock : IDisposable
{
    private readonly FileStream stream;

    private FileLock(FileStream stream) => this.stream = stream;

    /// <summary>Waits up to <paramref name="wait"/>; null when another process kept the lock that long.</summary>
    public static FileLock? TryAcquire(string path, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                return new FileLock(new FileStream(path, new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                    UnixCreateMode = FileModes.PrivateFile,
                }));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(15);
            }
            catch (IOException) when (File.Exists(path))
            {
                return null;
            }
        }
    }

    /// <summary>Waits up to <paramref name="wait"/>, then fails with <paramref name="busy"/> (or a message naming the file).</summary>
    public static FileLock Acquire(string path, TimeSpan wait, string? busy = null) =>
        TryAcquire(path, wait) ?? throw CpvendorException.Io(busy ?? $"another cpvendor process holds {path}; try again");

    public void Dispose() => stream.Dispose();
}
