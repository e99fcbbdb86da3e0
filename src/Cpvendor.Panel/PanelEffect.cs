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

    /// <summary>The whole Governor map is rewritten from the store.</summary>
    public static PanelEffect GovernorMap { get; } = new("governor_map");

    /// <summary>Only the map line of one database user is brought up to date (added, changed or removed).</summary>
    public static PanelEffect GovernorDbUser(string dbUser) => new("governor_db:" + dbUser);

    /// <summary>Only the map lines of one account are brought up to date (after a rename or deletion).</summary>
    public static PanelEffect GovernorAccount(string account) => new("governor_account:" + account);

    /// <summary>The PHP Selector's native.conf is brought in line with the store's native PHP.</summary>
    public static PanelEffect NativePhp { get; } = new("native_php");

    public static PanelEffect User(uint uid) => new("uid:" + uid.ToString(CultureInfo.InvariantCulture));

    public override string ToString() => Value;
}
