namespace Cpvendor.Conformance.Checks;

/// <summary>Every check of the kit, in report order: the ini, the envelope, the schemas, filters and arguments, consistency, end users, robustness.</summary>
internal static class CheckCatalog
{
    public static readonly IReadOnlyList<CheckDefinition> All =
    [
        .. IniChecks.All,
        new("Ui_user_info_fails_closed_for_an_unknown_token", "§3 ui_user_info", "ui_user_info with a token nobody issued prints {} and exits non-zero", UiUserInfoCheck.FailsClosed),
        .. EnvelopeChecks.All,
        .. SchemaChecks.All,
        .. FormatChecks.All,
        .. FilterChecks.All,
        .. ArgumentChecks.All,
        .. ConsistencyChecks.All,
        .. EndUserChecks.All,
        .. RobustnessChecks.All,
    ];
}
