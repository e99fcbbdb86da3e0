namespace Cpvendor.Panel;

/// <summary>An administrator to create. <see cref="UnixUser"/> must exist; it joins the install's admin group.</summary>
public sealed record NewAdmin(string Name, string? UnixUser = null, string? Email = null, string? Locale = null, bool IsMain = false);
