using Cpvendor.Core;

namespace Cpvendor.Store.ReadModel;

/// <summary>
/// Where the read model lives (docs/contract.md section 6): <c>DATA/model/panel.db</c>, one published
/// generation of the store, replaced by rename and never changed while it is current or leased by a
/// reader; 0640 root and the admin group in a 0750 folder of the same owners. Temporary files of a
/// publish start with a dot.
/// </summary>
public static class ReadModelFiles
{
    public const string GenerationName = "panel.db";

    public static string Folder(InstallConfig config) => Path.Combine(config.DataDir, "model");

    /// <summary>The current generation: what every cpapi call of an administrator reads.</summary>
    public static string Current(InstallConfig config) => Path.Combine(Folder(config), GenerationName);

    /// <summary>
    /// The generation before the current one, kept so that the next publish can patch it (write only
    /// the pages that differ) instead of copying the whole store. Patched only while no reader holds it.
    /// </summary>
    public static string Spare(InstallConfig config) => Path.Combine(Folder(config), "spare.db");

    /// <summary>A second name of the current generation while the names rotate (crash recovery finds it).</summary>
    public static string Previous(InstallConfig config) => Path.Combine(Folder(config), ".previous.db");

    /// <summary>Serialises publishers (flock; released by the kernel when the holder dies).</summary>
    public static string LockFile(InstallConfig config) => Path.Combine(Folder(config), ".publish.lock");
}
