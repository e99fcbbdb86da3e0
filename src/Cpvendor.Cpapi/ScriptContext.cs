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

    public PanelReader Store => reader ??= PanelReader.Open(Config.Store);

    public void Dispose() => reader?.Dispose();
}
