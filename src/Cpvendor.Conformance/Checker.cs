using System.Diagnostics;
using Cpvendor.Conformance.Checks;
using Cpvendor.Conformance.Ini;
using Cpvendor.Conformance.Running;
using Cpvendor.Core.Native;

namespace Cpvendor.Conformance;

/// <summary>
/// Judges any vendor's integration the way CloudLinux runs it: reads integration.ini with
/// configparser's rules, runs every script as a process (root, then each end user) and reports each
/// check of the kit as passed, failed, warned or skipped, with its evidence.
/// </summary>
public static class Checker
{
    /// <summary>Runs every check. <paramref name="progress"/> hears (done, total, check name) as it goes.</summary>
    public static ConformanceReport Run(CheckerOptions options, Action<int, int, string>? progress = null)
    {
        var started = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var path = Path.GetFullPath(options.IniPath);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return ConformanceReport.Abort(path, started, $"cannot read {path}: {e.Message}");
        }

        if (options.Only.FirstOrDefault(name => CheckCatalog.All.All(c => c.Name != name)) is { } unknown)
            return ConformanceReport.Abort(path, started, $"--only {unknown}: no such check");
        var isRoot = Libc.GetEuid() == 0;
        var users = new List<RunAs>();
        foreach (var name in options.AsUsers)
        {
            var user = RunAs.Resolve(name);
            if (user is null)
                return ConformanceReport.Abort(path, started, $"--as-user {name}: no such UNIX user");
            if (user.Uid == 0)
                return ConformanceReport.Abort(path, started, $"--as-user {name}: uid 0 is not an end user");
            users.Add(user);
        }

        var admins = new List<RunAs>();
        foreach (var name in options.AsAdmins)
        {
            var admin = RunAs.Resolve(name);
            if (admin is null)
                return ConformanceReport.Abort(path, started, $"--as-admin {name}: no such UNIX user");
            if (admin.Uid == 0)
                return ConformanceReport.Abort(path, started, $"--as-admin {name}: root is judged anyway; name a non-root account");
            if (users.Any(u => u.Uid == admin.Uid))
                return ConformanceReport.Abort(path, started, $"--as-admin {name}: the same account is given as --as-user");
            admins.Add(admin);
        }

        if ((users.Count > 0 || admins.Count > 0) && !isRoot)
            return ConformanceReport.Abort(path, started, "--as-user and --as-admin need the checker to run as root (it drops to each user with setpriv)");
        if (users.Count > 0 && !isRoot)
            return ConformanceReport.Abort(path, started, "--as-user needs the checker to run as root (it drops to each user with setpriv)");
        if (users.Count + admins.Count > 0 && !File.Exists(RunAs.SetPriv))
            return ConformanceReport.Abort(path, started, $"--as-user needs {RunAs.SetPriv} (util-linux)");

        var context = new CheckContext(options with { IniPath = path }, IntegrationConfig.Load(path, bytes), users, isRoot) { TrustedAccounts = admins };
        var results = new Dictionary<CheckDefinition, CheckResult>();
        var ordered = CheckCatalog.All.Where(c => !c.Aggregate).Concat(CheckCatalog.All.Where(c => c.Aggregate)).ToList();
        var done = 0;
        foreach (var check in ordered)
        {
            progress?.Invoke(done, ordered.Count, check.Name);
            results[check] = RunOne(check, context);
            done++;
        }

        progress?.Invoke(done, ordered.Count, "");
        return new ConformanceReport(path, started, watch.Elapsed, context.Calls.All.Count,
            CheckCatalog.All.Select(c => results[c]).ToList());
    }

    private static CheckResult RunOne(CheckDefinition check, CheckContext context)
    {
        if (context.Options.Only.Count > 0 && !context.Options.Only.Contains(check.Name, StringComparer.Ordinal))
            return new CheckResult(check.Name, check.Section, CheckStatus.Skip, "not asked for (--only)", []);
        try
        {
            return check.Run(context).ToResult(check);
        }
        catch (Exception e)
        {
            // A fault of the checker is not the vendor's: report it without blaming them.
            return new CheckResult(check.Name, check.Section, CheckStatus.Skip, $"the checker failed to run this check: {e.GetType().Name}: {e.Message}", []);
        }
    }
}
