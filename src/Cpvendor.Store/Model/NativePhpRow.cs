namespace Cpvendor.Store.Model;

/// <summary>A PHP version the panel marks as the system's native PHP: its CLI binary and php.ini.</summary>
public sealed record NativePhpRow(string Identifier, string Bin, string Ini);
