namespace Cpvendor.Store.Model;

/// <summary>The panel's own settings: what panel_info reports and the defaults for domains.</summary>
public sealed record PanelSettings(
    string Name,
    string Version,
    string? UserLoginUrl,
    string? DefaultPhp,
    string DefaultHandler,
    bool AllowDuplicateUids,
    long Revision);
