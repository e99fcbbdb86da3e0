namespace Cpvendor.Host.Plan;

/// <summary>
/// One small, idempotent piece of an install. <see cref="Check"/> only looks; <see cref="Apply"/>
/// makes the host match and records in the manifest what it created or modified, which is what
/// uninstall undoes (see <see cref="Undoer"/>). Dry-run is "check every step, apply none"; a second
/// install finds every step satisfied and touches nothing.
/// </summary>
internal interface IInstallStep
{
    /// <summary>What the step sets up, as a line of the plan (<c>file /opt/cpvendor/etc/integration.ini 0644 root:root</c>).</summary>
    string Description { get; }

    /// <summary>Null when the host already matches; otherwise why the step must run.</summary>
    string? Check(StepContext context);

    void Apply(StepContext context);

    /// <summary>A tag raised for later steps when this step runs or would run (a CageFS file changed).</summary>
    string? Raises => null;
}
