namespace Cpvendor.Conformance;

/// <summary>How a report is written: for a terminal, for machines, for CI, for a support ticket.</summary>
public enum ReportFormat
{
    Text,
    Json,
    Junit,
    Html,
}
