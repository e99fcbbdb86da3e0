namespace Cpvendor.Sources.Storage;

/// <summary>
/// One sync at a time per store: the timer's, a manual one and those a panel's change command
/// starts would otherwise read the same "before" and derive the same hooks twice. An flock on
/// <c>STORE.sync.lock</c> (root only), released by the kernel if the holder dies.
/// </summary>
internal sealed class SyncLock : IDisposable
{
    private readonly FileStream stream;

    private SyncLock(FileStream stream) => this.stream = stream;

    public static SyncLock Acquire(string store, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                return new SyncLock(new FileStream(store + ".sync.lock", new FileStreamOptions
                {
                    Mode = FileMode.OpenOrCreate,
                    Access = FileAccess.ReadWrite,
                    Share = FileShare.None,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                }));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }
            catch (IOException e)
            {
                throw Core.CpvendorException.Io($"another sync of {store} still runs after {wait.TotalSeconds:0} s; try again", e);
            }
        }
    }

    public void Dispose() => stream.Dispose();
}
