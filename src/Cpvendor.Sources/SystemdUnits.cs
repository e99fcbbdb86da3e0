using System.Globalization;
using Cpvendor.Core;

namespace Cpvendor.Sources;

/// <summary>
/// The systemd service and timer that run <c>cpvendor sync</c> periodically on a host served from a
/// panel database. Install writes them under ROOT/etc/systemd/system (then a real host runs
/// <c>systemctl daemon-reload; systemctl enable --now cpvendor-sync.timer</c>). No exit status is
/// declared a success but 0: a sync that failed, or one that rejected records (exit 7,
/// docs/contract.md section 8), leaves the service failed in <c>systemctl status</c> and the journal
/// until a run accepts everything; the timer still starts the next run, since a failed run is as
/// inactive as a finished one.
/// </summary>
public static class SystemdUnits
{
    public const string ServiceName = "cpvendor-sync.service";
    public const string TimerName = "cpvendor-sync.timer";
    public const string Folder = "etc/systemd/system";

    public static string Service(string binary) =>
        $"""
        [Unit]
        Description=cpvendor: sync the panel database into the local store
        After=network-online.target
        Wants=network-online.target

        [Service]
        Type=oneshot
        ExecStart={binary} sync --quiet
        Nice=10
        IOSchedulingClass=best-effort
        IOSchedulingPriority=7
        TimeoutStartSec=15min

        """;

    public static string Timer(TimeSpan interval) =>
        $"""
        [Unit]
        Description=cpvendor: sync the panel database every {Seconds(interval)} seconds

        [Timer]
        OnBootSec=30s
        OnUnitInactiveSec={Seconds(interval)}s
        RandomizedDelaySec=10s
        AccuracySec=1s
        Persistent=true

        [Install]
        WantedBy=timers.target

        """;

    /// <summary>Writes both units under <paramref name="root"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(string root, string binary, TimeSpan? interval = null)
    {
        var folder = Path.Combine(Path.GetFullPath(root), Folder);
        Directory.CreateDirectory(folder);
        var mode = FileModes.PublicFile; // systemd units are public
        var service = Path.Combine(folder, ServiceName);
        var timer = Path.Combine(folder, TimerName);
        Core.SecureFile.WriteAtomic(service, System.Text.Encoding.UTF8.GetBytes(Service(binary)), mode);
        Core.SecureFile.WriteAtomic(timer, System.Text.Encoding.UTF8.GetBytes(Timer(interval ?? TimeSpan.FromMinutes(1))), mode);
        return [service, timer];
    }

    private static string Seconds(TimeSpan interval) => ((long)interval.TotalSeconds).ToString(CultureInfo.InvariantCulture);
}
