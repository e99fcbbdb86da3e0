using Cpvendor.Core;
using Cpvendor.Cpapi.Identity;
using Cpvendor.Store;

namespace Cpvendor.Cpapi;

/// <summary>What a script may use: the install, the caller, and the store opened on first use.</summary>
public sealed class ScriptContext : IDisposable
{
    private PanelReader? reader;

    public ScriptContext(InstallConfig config, Caller caller)
    {
        Config = config;
        Caller = caller;
    }

    public InstallConfig Config { get; }

    public Caller Caller { get; }

    public PanelReader Store => reader ??= OpenFresh(Config.Store);

    /// <summary>Opens the store, refusing data a database source let grow older than its maximum age.</summary>
    private static PanelReader OpenFresh(string path)
    {
        var store = PanelReader.Open(path);
        if (store.Staleness(DateTimeOffset.UtcNow) is { } reason)
        {
            store.Dispose();
            throw CpvendorException.DataUnavailable(reason);
        }

        return store;
    }

    public void Dispose() => reader?.Dispose();
}
