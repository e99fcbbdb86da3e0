namespace Cpvendor.Panel;

/// <summary>A reseller to create; <see cref="Id"/> (its LVE id) lies in MAX_UID..0xFFFFFFFF or is null.</summary>
public sealed record NewReseller(string Name, long? Id = null, string? Email = null, string? Locale = null);
