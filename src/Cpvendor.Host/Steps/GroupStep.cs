using Cpvendor.Core.Native;
using Cpvendor.Host.Plan;

namespace Cpvendor.Host.Steps;

/// <summary>The administrators' group exists (a system group, created when installing as root).</summary>
internal sealed class GroupStep(string name) : IInstallStep
{
    public string Description => $"system group {name}";

    public string? Check(StepContext context) => Libc.GroupId(name) is null ? "missing" : null;

    public void Apply(StepContext context)
    {
        if (!context.AsRoot)
        {
            context.Warnings.Add($"group '{name}' does not exist and only root can create it; administrators will be treated as end users");
            return;
        }

        HostTools.RunChecked(["groupadd", "--system", name]);
        context.Manifest.Record(new Change(ChangeKind.CreatedGroup, name));
    }
}
