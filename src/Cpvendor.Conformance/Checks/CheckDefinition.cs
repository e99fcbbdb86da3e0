namespace Cpvendor.Conformance.Checks;

/// <summary>
/// One check of the kit: a name that reads as a sentence, the docs/contract.md section it enforces, what
/// it verifies, and the code. Aggregate checks judge every answer of the run, so they run last. A
/// check that <paramref name="LeavesNoAnswer"/> fails a call that gave nothing to judge (no JSON, no
/// envelope, no end): any other failure that shows only such calls is its consequence.
/// </summary>
internal sealed record CheckDefinition(string Name, string Section, string Summary, Func<CheckContext, Findings> Run, bool Aggregate = false, bool LeavesNoAnswer = false);
