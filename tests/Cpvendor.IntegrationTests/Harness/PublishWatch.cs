using Cpvendor.Core;
using Cpvendor.Store.ReadModel;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>
/// Counts the read-model generations published while it watches: every publish ends by renaming its
/// new generation onto <c>DATA/model/panel.db</c> (ARCHITECTURE.md, "the publisher"), and the kernel
/// reports each rename through inotify. <see cref="Publishes"/> first renames a file of its own in the
/// folder and waits for that event, so every rename made before the call has been counted. The one
/// publish counter of the tests and the benchmarks (bench/Cpvendor.LifecycleBench links this file).
/// </summary>
public sealed class PublishWatch : IDisposable
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(10);
    private readonly FileSystemWatcher watcher;
    private readonly string folder;
    private readonly string marker = $".publish-watch-{Guid.NewGuid():N}";
    private readonly SemaphoreSlim markerSeen = new(0);
    private int publishes;
    private int errors;

    public PublishWatch(InstallConfig config)
        : this(ReadModelFiles.Folder(config ?? throw new ArgumentNullException(nameof(config))))
    {
    }

    /// <summary>Watches the read-model folder <paramref name="folder"/> of an install.</summary>
    public PublishWatch(string folder)
    {
        this.folder = folder;
        watcher = new FileSystemWatcher(folder) { NotifyFilter = NotifyFilters.FileName, IncludeSubdirectories = false };
        watcher.Renamed += (_, e) =>
        {
            if (e.Name == ReadModelFiles.GenerationName)
                Interlocked.Increment(ref publishes);
            else if (e.Name == marker)
                markerSeen.Release();
        };
        watcher.Error += (_, _) => Interlocked.Increment(ref errors);
        watcher.EnableRaisingEvents = true;
    }

    /// <summary>Generations renamed into place since the watch began; throws when inotify lost or never reported events.</summary>
    public int Publishes()
    {
        var path = Path.Combine(folder, marker);
        File.WriteAllText(path + ".new", "");
        File.Move(path + ".new", path);
        var seen = markerSeen.Wait(HangGuard);
        File.Delete(path);
        if (!seen)
            throw new InvalidOperationException("inotify reported no event for a rename in the read-model folder");
        if (Volatile.Read(ref errors) != 0)
            throw new InvalidOperationException("inotify lost events (its queue overflowed)");
        return Volatile.Read(ref publishes);
    }

    public void Dispose()
    {
        watcher.Dispose();
        markerSeen.Dispose();
    }
}
