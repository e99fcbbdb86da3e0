using Cpvendor.Core;

namespace Cpvendor.Host;

/// <summary>One line of an install plan: what the step sets up and what happened to it.</summary>
public sealed record StepOutcome(string Description, StepState State, string? Reason);

public enum StepState
{
    /// <summary>The host already matched: nothing was touched.</summary>
    Satisfied,

    /// <summary>Dry run: the step would run.</summary>
    Planned,

    /// <summary>The step ran.</summary>
    Applied,
}

/// <summary>What an install did (or, in a dry run, would do), step by step.</summary>
public sealed record InstallReport(InstallConfig Config, IReadOnlyList<StepOutcome> Steps, IReadOnlyList<string> Warnings, bool DryRun)
{
    public int Changed => Steps.Count(s => s.State != StepState.Satisfied);

    public void WriteTo(TextWriter output)
    {
        foreach (var step in Steps)
        {
            var mark = step.State switch
            {
                StepState.Satisfied => "ok      ",
                StepState.Planned => "would   ",
                _ => "done    ",
            };
            output.WriteLine(step.Reason is null ? $"{mark}{step.Description}" : $"{mark}{step.Description}: {step.Reason}");
        }

        foreach (var warning in Warnings)
            output.WriteLine($"warning: {warning}");
    }
}
