namespace Cpvendor.Conformance.Checks;

/// <summary>Every check of the kit, in report order: the ini, the envelope, the schemas, filters and arguments, consistency, end users, robustness.</summary>
internal static class CheckCatalog
{
    public static readonly IReadOnlyList<CheckDefinition> All =
    [
        .. IniChecks.All,
        .. UiUserInfoCheck.All,
        .. EnvelopeChecks.All,
        .. SchemaChecks.All,
        .. FormatChecks.All,
        .. FilterChecks.All,
        .. ArgumentChecks.All,
        .. ConsistencyChecks.All,
        .. EndUserChecks.All,
        .. CallerCodeChecks.All,
        .. TrustedAccountChecks.All,
        .. RobustnessChecks.All,
        .. SideEffectChecks.All,
    ];
}
