namespace Cpvendor.Contract;

/// <summary>
/// The argument grammar of the eight scripts, one table each (docs/contract.md section 3).
/// </summary>
public static class Grammar
{
    /// <summary>The field names <c>users --fields</c> accepts, in wire order.</summary>
    public static readonly IReadOnlyList<string> UserFields =
        ["id", "username", "owner", "domain", "package", "email", "locale_code"];

    /// <summary>The keys of <c>supported_cl_features</c> CloudLinux knows.</summary>
    public static readonly IReadOnlyList<string> ClFeatures =
    [
        "php_selector", "ruby_selector", "python_selector", "nodejs_selector", "mod_lsapi", "mysql_governor",
        "cagefs", "reseller_limits", "xray", "accelerate_wp", "wizard", "autotracing",
    ];

    /// <summary>PHP handlers a domain may name.</summary>
    public static readonly IReadOnlyList<string> PhpHandlers = ["fpm", "cgi", "lsapi"];

    public static readonly ScriptGrammar PanelInfo = new("panel_info", [], [], AdminOnly: false);

    public static readonly ScriptGrammar DbInfo = new("db_info", [], [], AdminOnly: true);

    public static readonly ScriptGrammar Packages = new(
        "packages",
        [new("owner", 'o', OptionKind.Text)],
        [["owner"]],
        AdminOnly: true);

    public static readonly ScriptGrammar Users = new(
        "users",
        [
            new("owner", 'o', OptionKind.Text),
            new("package-name", null, OptionKind.Text),
            new("package-owner", null, OptionKind.Text),
            new("username", null, OptionKind.Text),
            new("unix-id", null, OptionKind.WholeNumber),
            new("fields", null, OptionKind.FieldList, UserFields),
        ],
        [["owner"], ["package-name", "package-owner"], ["username"], ["unix-id"]],
        AdminOnly: true);

    public static readonly ScriptGrammar Domains = new(
        "domains",
        [
            new("owner", 'o', OptionKind.Text),
            new("name", 'n', OptionKind.Text),
            new("with-php", null, OptionKind.Flag),
        ],
        [["owner"], ["name"]],
        AdminOnly: false);

    public static readonly ScriptGrammar Resellers = new(
        "resellers",
        [new("id", null, OptionKind.WholeNumber), new("name", 'n', OptionKind.Text)],
        [["id"], ["name"]],
        AdminOnly: true);

    public static readonly ScriptGrammar Admins = new(
        "admins",
        [new("name", 'n', OptionKind.Text), new("is-main", 'm', OptionKind.Boolean)],
        [["name"], ["is-main"]],
        AdminOnly: true);

    public static readonly ScriptGrammar Php = new("php", [], [], AdminOnly: true);

    /// <summary>Every script, in the order of the contract.</summary>
    public static readonly IReadOnlyList<ScriptGrammar> Scripts =
        [PanelInfo, DbInfo, Packages, Users, Domains, Resellers, Admins, Php];

    public static ScriptGrammar? Find(string script)
    {
        foreach (var grammar in Scripts)
        {
            if (grammar.Script == script)
                return grammar;
        }

        return null;
    }
}
