using Cpvendor.Core;

namespace Cpvendor.Panel.Hooks;

/// <summary>
/// An exclusive advisory lock between cpvendor processes (flock on a root-only file beside the
/// store; released by the kernel if the holder dies, even by SIGKILL).
/// </summary>
internal sealed class FileLock : IDisposable
{
    private readonly FileStream stream;

    private FileLock(FileStream stream) => this.stream = stream;

    public static string DeliveryPath(InstallConfig config) => config.Store + ".hooks.lock";

    public static string PublishPath(InstallConfig config) => config.Store + ".publish.lock";

    /// <summary>Waits up to <paramref name="wait"/>; null when another process kept the lock that long.</summary>
    public static FileLock? TryAcquire(string path, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                // On Linux, FileShare.None takes flock(LOCK_EX | LOCK_NB) on the descriptor.
                var options = new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                    UnixCreateMode = FileModes.PrivateFile,
                };
                return new FileLock(new FileStream(path, options));
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

    public static FileLock Acquire(string path, TimeSpan wait) =>
        TryAcquire(path, wait) ?? throw CpvendorException.Io($"another cpvendor process holds {path}; try again");

    public void Dispose() => stream.Dispose();
}
