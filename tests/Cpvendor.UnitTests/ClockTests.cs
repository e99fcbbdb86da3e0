using Cpvendor.Core;
using Cpvendor.Panel;
using Cpvendor.Store;

namespace Cpvendor.UnitTests;

/// <summary>Token expiry and hook backoff follow the install's one clock, so they are checked here without waiting.</summary>
public sealed class ClockTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("cpvendor-clock-").FullName;
    private readonly ManualClock clock = new(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InstallConfig config;

    public ClockTests()
    {
        var store = Path.Combine(dir, "panel.db");
        StoreInitializer.Create(store, sampleUsers: 5, seed: 11);
        config = InstallConfig.ForRoot(Path.Combine(dir, "root"), store) with { Time = clock };
    }

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string FirstUser()
    {
        using var reader = PanelReader.Open(config.Store);
        return reader.Users(new UserFilter()).First().Username;
    }

    [Fact]
    public void A_token_resolves_until_its_lifetime_has_passed_on_the_clock()
    {
        var user = FirstUser();
        var token = UiTokens.Issue(config, user, lifetime: TimeSpan.FromMinutes(10));

        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.Equal(user, UiTokens.Resolve(config, token)?.UserName);

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Null(UiTokens.Resolve(config, token));
    }

    [Fact]
    public void A_failed_hook_waits_for_its_backoff_on_the_clock_then_runs_again()
    {
        Directory.CreateDirectory(config.HooksDir);
        var runs = Path.Combine(dir, "runs");
        var hook = Path.Combine(config.HooksDir, "post_modify_user.py");
        File.WriteAllText(hook, $"#!/bin/sh\necho run >> {runs}\nexit 1\n");
        File.SetUnixFileMode(hook, FileModes.Executable);
        var panel = new PanelService(config);

        panel.RenameUser(FirstUser(), "clockrenamed");
        Assert.Single(File.ReadAllLines(runs));

        var early = HookDelivery.RunPending(config, ignoreBackoff: false);
        clock.Advance(TimeSpan.FromSeconds(31));
        var due = HookDelivery.RunPending(config, ignoreBackoff: false);

        Assert.Equal((0, 1), (early.Failed, early.Waiting));
        Assert.Equal((1, 0), (due.Failed, due.Waiting));
        Assert.Equal(2, File.ReadAllLines(runs).Length);
    }
}
