using Cpvendor.Panel;
using Cpvendor.Sources;
using Cpvendor.Sources.Diff;
using Cpvendor.Store.Model;

namespace Cpvendor.SourceTests;

/// <summary>
/// docs/contract.md section 5, "user renamed (name or home dir)": a sync that sees only a new home
/// announces it as <c>modify -u U --new-username U</c>, once, like <c>cpvendor user rehome</c>.
/// </summary>
public sealed class HomeChangeDerivationTests
{
    private static readonly PanelSnapshot Base = Snapshot(User("alice", "/home/alice"), User("bob", "/home/bob"));

    [Fact]
    public void A_new_home_alone_is_a_modify_with_the_accounts_own_name()
    {
        var after = Snapshot(User("alice", "/home2/alice"), User("bob", "/home/bob"));

        Assert.Equal(["post_modify_user.py modify -u alice --new-username alice"], HookDeriver.Derive(Base, after).Select(e => e.CommandLine));
    }

    [Fact]
    public void A_rename_that_also_moves_the_home_is_announced_once()
    {
        var after = Snapshot(User("alicia", "/home/alicia", id: "alice"), User("bob", "/home/bob"));

        Assert.Equal(["post_modify_user.py modify -u alice --new-username alicia"], HookDeriver.Derive(Base, after).Select(e => e.CommandLine));
    }

    [Fact]
    public void The_event_carries_the_lifecycle_events_ordering_keys()
    {
        var after = Snapshot(User("alice", "/home2/alice"), User("bob", "/home/bob"));

        var derived = Assert.Single(HookDeriver.Derive(Base, after));

        Assert.Equal(HookEvent.UserRenamed("alice", "alice", 20001).Keys, derived.Keys);
    }

    private static SourceUser User(string name, string home, string? id = null) =>
        new(id ?? name, new UserRow(name, name.StartsWith("alic", StringComparison.Ordinal) ? 20001u : 20002u, "admin", null, null, null, "EN_us", home));

    private static PanelSnapshot Snapshot(params SourceUser[] users) =>
        new([new AdminRow("admin", null, null, "EN_us", true)], [], [], users.ToList(), [], [], []);
}
