namespace Cpvendor.Store.Model;

/// <summary>An effect a committed change left to carry out (what to republish, which Governor lines to patch), in the order recorded.</summary>
public sealed record StoredEffect(long Id, string Effect);
