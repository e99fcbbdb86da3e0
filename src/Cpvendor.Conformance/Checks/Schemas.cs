using Cpvendor.Contract;

namespace Cpvendor.Conformance.Checks;

/// <summary>The strict schema of each script's data (docs/contract.md section 3), chosen by the call's arguments.</summary>
internal static class Schemas
{
    private static readonly Shape PackageRef = Shape.Object(new Field("name", Shape.Str), new Field("owner", Shape.Str));

    private static readonly Field[] UserFields =
    [
        new Field("id", Shape.Int), new Field("username", Shape.Str), new Field("owner", Shape.Str), new Field("domain", Shape.Str),
        new Field("package", PackageRef, Nullable: true), new Field("email", Shape.Str, Nullable: true), new Field("locale_code", Shape.Str, Nullable: true),
    ];

    private static readonly Shape DomainPhp = Shape.Object(
        new Field("php_version_id", Shape.Str), new Field("version", Shape.Str), new Field("ini_path", Shape.Str),
        new Field("is_native", Shape.Bool, Nullable: true), new Field("fpm", Shape.Str, Nullable: true), new Field("handler", Shape.Str));

    /// <summary>panel_info's url and feature keys have their own checks, so the generic ones leave them alone.</summary>
    public static readonly Shape PanelInfo = new(ShapeKind.Object,
        [new Field("name", Shape.Str), new Field("version", Shape.Str)],
        OwnedElsewhere: ["user_login_url", "user_login_url_template", "supported_cl_features"]);

    public static readonly Shape DbInfo = Shape.Object(new Field("mysql", Shape.Object(
        new Field("access", Shape.Object(new Field("login", Shape.Str), new Field("password", Shape.Str), new Field("host", Shape.Str), new Field("port", Shape.Int))),
        new Field("mapping", Shape.MapOf(Shape.ArrayOf(Shape.Str)))), Nullable: true));

    public static readonly Shape Packages = Shape.ArrayOf(PackageRef);

    public static readonly Shape Resellers = Shape.ArrayOf(Shape.Object(
        new Field("name", Shape.Str), new Field("locale_code", Shape.Str, Nullable: true), new Field("email", Shape.Str, Nullable: true), new Field("id", Shape.Int, Nullable: true)));

    public static readonly Shape Admins = Shape.ArrayOf(Shape.Object(
        new Field("name", Shape.Str), new Field("unix_user", Shape.Str, Nullable: true), new Field("locale_code", Shape.Str, Nullable: true),
        new Field("email", Shape.Str, Nullable: true), new Field("is_main", Shape.Bool)));

    public static readonly Shape Php = Shape.ArrayOf(Shape.Object(
        new Field("identifier", Shape.Str), new Field("version", Shape.Str), new Field("modules_dir", Shape.Str),
        new Field("dir", Shape.Str), new Field("bin", Shape.Str), new Field("ini", Shape.Str)));

    public static Shape Users(IReadOnlyList<string>? fields) =>
        Shape.ArrayOf(Shape.Object(fields is null ? UserFields : UserFields.Where(f => fields.Contains(f.Name)).ToArray()));

    public static Shape Domains(bool withPhp) => Shape.MapOf(Shape.Object(
        withPhp
            ? [new Field("owner", Shape.Str), new Field("document_root", Shape.Str), new Field("is_main", Shape.Bool), new Field("php", DomainPhp)]
            : [new Field("owner", Shape.Str), new Field("document_root", Shape.Str), new Field("is_main", Shape.Bool)]));

    /// <summary>The schema an ok answer to this call must match; null when the call's arguments are not all valid.</summary>
    public static Shape? For(string script, IReadOnlyList<string> args) => script switch
    {
        "panel_info" => PanelInfo,
        "db_info" => DbInfo,
        "packages" => Packages,
        "users" => FieldsOf(args) is var (given, names) ? (given ? (names is null ? null : Users(names)) : Users(null)) : null,
        "domains" => Domains(args.Contains("--with-php")),
        "resellers" => Resellers,
        "admins" => Admins,
        "php" => Php,
        _ => null,
    };

    /// <summary>Whether <c>--fields</c> was given and, when every name in it is valid, those names.</summary>
    private static (bool Given, IReadOnlyList<string>? Names) FieldsOf(IReadOnlyList<string> args)
    {
        string? value = null;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--fields=", StringComparison.Ordinal))
                value = args[i]["--fields=".Length..];
            else if (args[i] == "--fields" && i + 1 < args.Count)
                value = args[++i];
        }

        if (value is null)
            return (false, null);
        var names = value.Split(',');
        return (true, names.All(Grammar.UserFields.Contains) ? names : null);
    }
}
