using System.Globalization;

namespace Cpvendor.Panel;

/// <summary>
/// Something a change makes stale outside the store: the published answers of one UNIX id, of every
/// id, the public panel_info, or the MySQL Governor map. Recorded in the change's transaction and
/// carried out before any post hook of that change runs.
/// </summary>
public readonly record struct PanelEffect(string Value)
{
    public static PanelEffect PanelInfo { get; } = new("panel_info");

    public static PanelEffect AllUsers { get; } = new("all_users");

    public static PanelEffect GovernorMap { get; } = new("governor_map");

    public static PanelEffect User(uint uid) => new("uid:" + uid.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => Value;
}
