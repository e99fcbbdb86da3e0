using Cpvendor.Core;
using Cpvendor.Cpapi.Identity;
using Cpvendor.Store;
using Cpvendor.Store.ReadModel;

namespace Cpvendor.Cpapi;

/// <summary>
/// What a script may use: the install, the caller, and the current read-model generation opened on
/// first use (never the live store: docs/contract.md section 2).
/// </summary>
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

    public PanelReader Store => reader ??= OpenFresh(Config);

    /// <summary>Opens the read model, refusing data a database source let grow older than its maximum age.</summary>
    private static PanelReader OpenFresh(InstallConfig config)
    {
        var store = ReadModelReader.Open(config);
        if (store.Staleness(DateTimeOffset.UtcNow) is { } reason)
        {
            store.Dispose();
            throw CpvendorException.DataUnavailable(reason);
        }

        return store;
    }

    public void Dispose() => reader?.Dispose();
}
