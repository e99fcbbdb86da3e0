namespace Cpvendor.Prerendered;

/// <summary>64-bit FNV-1a: ties a pre-rendered answer to the exact bytes of the file it was rendered from.</summary>
public static class Fnv
{
    public static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
            hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }
}
