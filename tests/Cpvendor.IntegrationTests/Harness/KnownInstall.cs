namespace Cpvendor.IntegrationTests.Harness;

/// <summary>
/// A <see cref="KnownPanel"/> installed into a throw-away root, shared by the tests of one class
/// (xunit class fixture). The panel's uids start at a random high number so that parallel classes
/// and the real UNIX users some of them create never collide.
/// </summary>
public sealed class KnownInstall : IDisposable
{
    public KnownInstall()
    {
        Panel = new KnownPanel((uint)Random.Shared.Next(3_000_000, 3_900_000) * 10);
        Install = TempInstall.FromStore(store => Panel.WriteStore(store));
    }

    public KnownPanel Panel { get; }

    public TempInstall Install { get; }

    public void Dispose() => Install.Dispose();
}

/// <summary>A store with nothing in it but the panel row, installed; no db_info secret.</summary>
public sealed class EmptyInstall : IDisposable
{
    public TempInstall Install { get; } = TempInstall.FromStore(KnownPanel.WriteEmptyStore);

    public void Dispose() => Install.Dispose();
}
