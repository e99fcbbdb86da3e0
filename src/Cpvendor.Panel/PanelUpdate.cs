namespace Cpvendor.Panel;

/// <summary>Changes to what panel_info reports and to the domain defaults; null leaves a value as it is.</summary>
public sealed record PanelUpdate(
    string? Name = null,
    string? Version = null,
    string? UserLoginUrl = null,
    bool ClearUserLoginUrl = false,
    string? DefaultPhp = null,
    string? DefaultHandler = null);
