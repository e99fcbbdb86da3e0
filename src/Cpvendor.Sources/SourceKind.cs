namespace Cpvendor.Sources;

/// <summary>Where the panel data the cpapi answers from comes from.</summary>
public enum SourceKind
{
    /// <summary>The local store is the panel's own data (written by the panel or the lifecycle commands).</summary>
    Embedded,

    /// <summary>A MariaDB or MySQL database exposing the cpvendor_* views; the store is a synced copy.</summary>
    MySql,

    /// <summary>A PostgreSQL database exposing the cpvendor_* views; the store is a synced copy.</summary>
    Postgres,

    /// <summary>Virtualmin's own virtual-server files (docs/panels/virtualmin.md); the store is a synced copy.</summary>
    Virtualmin,

    /// <summary>An ISPConfig 3 master database (MariaDB/MySQL), read from its own tables; the store is a synced copy.</summary>
    IspConfig,
}
