namespace Cpvendor.Panel;

/// <summary>Where one event of a change stood when the change returned.</summary>
public sealed record HookOutcome(long Id, HookPhase Phase, string CommandLine, HookState State, int Attempts, string? LastError);
