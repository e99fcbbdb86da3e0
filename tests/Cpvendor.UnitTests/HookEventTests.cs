using Cpvendor.Panel;

namespace Cpvendor.UnitTests;

/// <summary>The exact argument vectors of docs/contract.md section 5, and the keys that order them.</summary>
public sealed class HookEventTests
{
    public static TheoryData<string, string> Table => new()
    {
        { Line(HookEvent.AdminCreated("boss")), "post_modify_admin.py create --name boss" },
        { Line(HookEvent.AdminCreated("boss", "--username")), "post_modify_admin.py create --username boss" },
        { Line(HookEvent.AdminDeleted("boss")), "post_modify_admin.py delete --name boss" },
        { Line(HookEvent.UserCreated("alice", "res1", 1001)), "post_modify_user.py create --username alice --owner res1" },
        { Line(HookEvent.UserRenamed("alice", "alicia", 1001)), "post_modify_user.py modify -u alice --new-username alicia" },
        { Line(HookEvent.UserMoved("alice", "res2", 1001)), "post_modify_user.py modify -u alice --new-owner res2" },
        { Line(HookEvent.UserRestored("alice", 1001)), "post_modify_user.py restore --username alice" },
        { Line(HookEvent.UserDeleting("alice", 1001)), "pre_modify_user.py delete --username alice" },
        { Line(HookEvent.UserDeleted("alice", 1001)), "post_modify_user.py delete --username alice" },
        { Line(HookEvent.DomainRenamed("alice", 1001, "a.example", "b.example", false)), "post_modify_domain.py modify -u alice --domain a.example --new-domain b.example" },
        { Line(HookEvent.DomainRenamed("alice", 1001, "a.example", "b.example", true)), "post_modify_domain.py modify -u alice --domain a.example --new-domain b.example --include-subdomains" },
        { Line(HookEvent.PackageRenamed("res1", "Gold", "Platinum")), "post_modify_package.py rename --name Gold --new-name Platinum" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Hook_commands_are_exactly_the_contracts(string actual, string expected) => Assert.Equal(expected, actual);

    [Fact]
    public void Only_the_user_deletion_has_a_pre_hook()
    {
        Assert.Equal(HookPhase.Pre, HookEvent.UserDeleting("a", 1).Phase);
        Assert.Equal(HookPhase.Post, HookEvent.UserDeleted("a", 1).Phase);
    }

    [Fact]
    public void A_rename_shares_keys_with_events_of_both_names()
    {
        var rename = HookEvent.UserRenamed("alice", "alicia", 1001);
        Assert.Contains(HookEvent.UserCreated("alice", "o", 1001).Keys[0], rename.Keys);
        Assert.Contains(HookEvent.UserRestored("alicia", 2002).Keys[0], rename.Keys);
        Assert.Contains(HookEvent.DomainRenamed("alicia", 1001, "a.example", "b.example", false).Keys[1], rename.Keys);
    }

    private static string Line(HookEvent e) => e.CommandLine;
}
