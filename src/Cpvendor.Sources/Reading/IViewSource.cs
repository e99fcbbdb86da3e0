using Cpvendor.Sources.Validation;

namespace Cpvendor.Sources.Reading;

/// <summary>One kind of panel database: opens a connection and reads this host's snapshot from it.</summary>
internal interface IViewSource
{
    PanelSnapshot Read(string? server, SourceProblems problems);
}
