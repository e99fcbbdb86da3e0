namespace Cpvendor.Panel.Changes;

/// <summary>The store's timestamps: Unix seconds on the installation's clock.</summary>
internal static class UnixTime
{
    public static long Now(TimeProvider time) => time.GetUtcNow().ToUnixTimeSeconds();
}
