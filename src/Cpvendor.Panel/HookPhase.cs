namespace Cpvendor.Panel;

/// <summary>Whether a hook runs before the change is applied or after it is visible (docs/contract.md section 5).</summary>
public enum HookPhase
{
    Pre,
    Post,
}
