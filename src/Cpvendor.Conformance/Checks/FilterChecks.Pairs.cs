using Cpvendor.Contract;

namespace Cpvendor.Conformance.Checks;

internal static partial class FilterChecks
{
    /// <summary>
    /// The users filters, and each member of the package pair on its own (docs/contract.md section 3
    /// users): a real pair must select its strict subset, a real name with an owner that does not
    /// exist, or with another package's owner, names no package and is NotFound. A script that drops
    /// one member answers users for the other alone.
    /// </summary>
    private static Findings Users(CheckContext context)
    {
        var b = context.Baseline;
        var findings = Judge(context, b.Users, Targets.Users(b));
        if (b.Users.Unusable is not null || b.Packages.Unusable is not null || Targets.PackagePair(b) is not { } pair)
            return findings;
        var packages = b.Packages.Items.Select(p => (Json.Str(p, "name"), Json.Str(p, "owner"))).ToHashSet();
        ArgumentChecks.Expect(context, findings, ResultKind.NotFound, "users", $"--package-name={pair.Name}", $"--package-owner={Targets.Nobody}");
        if (b.Owners.FirstOrDefault(o => !packages.Contains((pair.Name, o))) is { } otherOwner)
            ArgumentChecks.Expect(context, findings, ResultKind.NotFound, "users", $"--package-name={pair.Name}", $"--package-owner={otherOwner}");
        if (b.Packages.Items.Select(p => Json.Str(p, "name")).OfType<string>().FirstOrDefault(n => !packages.Contains((n, pair.Owner))) is { } otherName)
            ArgumentChecks.Expect(context, findings, ResultKind.NotFound, "users", $"--package-name={otherName}", $"--package-owner={pair.Owner}");
        return findings;
    }
}
