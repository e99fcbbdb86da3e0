using Cpvendor.Core;

namespace Cpvendor.Store.ReadModel;

/// <summary>How the current read-model generation compares with the live store (for the doctor and install).</summary>
public sealed record ReadModelStatus(StoreHeader? Store, StoreHeader? Generation, bool Intact)
{
    /// <summary>The generation holds every committed change of the store.</summary>
    public bool Current => Store is not null && Intact && Generation == Store;

    /// <summary>Reads both headers; run as root (the store is root-only).</summary>
    public static ReadModelStatus Of(InstallConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var path = ReadModelFiles.Current(config);
        return new ReadModelStatus(StoreHeader.Read(config.Store), StoreHeader.Read(path), ReadModelPublisher.Intact(path));
    }
}
