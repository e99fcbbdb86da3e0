namespace Cpvendor.Host;

/// <summary>What <c>cpvendor install</c> was asked to do.</summary>
public sealed record InstallOptions(string Root, string Store, string AdminGroup = "cpvendor", string? Binary = null);
