namespace Cpvendor.IntegrationTests.Harness;

/// <summary>
/// A <see cref="KnownPanel"/> installed with its own admin group, and real UNIX users whose uids are
/// the panel's: the accounts' owners (alice, bob who shares his uid with dave, carol, the reseller's
/// own account), an administrator (the main admin's UNIX account, member of the admin group) and a
/// stranger who has no panel account at all.
/// </summary>
public sealed class UsersInstall : IDisposable
{
    private readonly UnixUsers unix = new();

    public UsersInstall()
    {
        Panel = new KnownPanel((uint)Random.Shared.Next(400_000, 490_000) * 10);
        AdminGroup = unix.CreateGroup("kpadm");
        Alice = unix.Create("kpa", Panel.AliceUid);
        Bob = unix.Create("kpb", Panel.BobUid);
        Carol = unix.Create("kpc", Panel.CarolUid);
        Reseller = unix.Create("kpr", Panel.ResellerUid);
        Admin = unix.Create("kpo", Panel.AdminUid, AdminGroup);
        Stranger = unix.Create("kps");
        Install = TempInstall.FromStore(store => Panel.WriteStore(store), AdminGroup);
    }

    public KnownPanel Panel { get; }

    public string AdminGroup { get; }

    public TempInstall Install { get; }

    public RunAs Alice { get; }

    public RunAs Bob { get; }

    public RunAs Carol { get; }

    public RunAs Reseller { get; }

    public RunAs Admin { get; }

    public RunAs Stranger { get; }

    /// <summary>The users without administrator rights, each with the uid the panel knows them by (the stranger has none).</summary>
    public IReadOnlyList<RunAs> EndUsers => [Alice, Bob, Carol, Reseller, Stranger];

    public void Dispose()
    {
        Install.Dispose();
        unix.Dispose();
    }
}
