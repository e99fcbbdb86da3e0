using Cpvendor.Contract;

namespace Cpvendor.Conformance.Checks;

/// <summary>Calls that must be refused, and with which result.</summary>
internal static partial class ArgumentChecks
{
    private static Findings UnknownArguments(CheckContext context)
    {
        var findings = new Findings();
        foreach (var grammar in Grammar.Scripts)
        {
            Expect(context, findings, ResultKind.BadRequest, grammar.Script, "--no-such-option=1");
            if (grammar.Script is "users" or "domains" or "packages")
                Expect(context, findings, ResultKind.BadRequest, grammar.Script, "stray-word");
        }

        Expect(context, findings, ResultKind.BadRequest, "users", "--user-name=x");
        findings.NothingToJudge("integration.ini gives no usable command");
        return findings;
    }

    /// <summary>Each bad value in every spelling: a traceback hid behind the space form once.</summary>
    private static Findings BadValues(CheckContext context)
    {
        var findings = new Findings();
        foreach (var (script, option, value) in new[] { ("users", "unix-id", "abc"), ("users", "unix-id", "-5"), ("resellers", "id", "12x"), ("admins", "is-main", "yes") })
        {
            var bad = new FilterCase(script, option, value);
            Expect(context, findings, ResultKind.BadRequest, script, bad.EqualsForm);
            Expect(context, findings, ResultKind.BadRequest, script, bad.SpacedForm);
            if (bad.ShortForm is { } shortForm)
                Expect(context, findings, ResultKind.BadRequest, script, shortForm);
        }

        Expect(context, findings, ResultKind.BadRequest, "domains", "--owner");
        Expect(context, findings, ResultKind.BadRequest, "domains", "-o");
        findings.NothingToJudge("integration.ini gives no usable command");
        return findings;
    }

    private static Findings Combinations(CheckContext context)
    {
        var findings = new Findings();
        var users = context.Baseline.Users.Items;
        var user = users.Count > 0 ? users[0] : default;
        var name = Json.Str(user, "username") ?? "root";
        var owner = Json.Str(user, "owner") ?? "admin";
        var id = Json.Long(user, "id")?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "0";
        Expect(context, findings, ResultKind.BadRequest, "users", $"--owner={owner}", $"--username={name}");
        Expect(context, findings, ResultKind.BadRequest, "users", $"--username={name}", $"--unix-id={id}");
        Expect(context, findings, ResultKind.BadRequest, "users", $"--owner={owner}", $"--unix-id={id}");
        Expect(context, findings, ResultKind.BadRequest, "users", "--package-name=x");
        Expect(context, findings, ResultKind.BadRequest, "users", $"--package-owner={owner}");
        findings.NothingToJudge("integration.ini gives no usable command for users");
        return findings;
    }

    private static Findings FieldsExact(CheckContext context)
    {
        var findings = new Findings();
        foreach (var field in new[] { "name", "user", "mail", "ID", "locale" })
            Expect(context, findings, ResultKind.BadRequest, "users", "--fields=" + field);
        findings.NothingToJudge("integration.ini gives no usable command for users");
        return findings;
    }

    private static Findings FieldsUnknown(CheckContext context)
    {
        var findings = new Findings();
        Expect(context, findings, ResultKind.BadRequest, "users", "--fields=id,nosuchfield");
        Expect(context, findings, ResultKind.BadRequest, "users", "--fields=nosuchfield");
        findings.NothingToJudge("integration.ini gives no usable command for users");
        return findings;
    }

    private static Findings NotFound(CheckContext context)
    {
        var findings = new Findings();
        var b = context.Baseline;
        var nobody = Targets.Nobody;
        Expect(context, findings, ResultKind.NotFound, "packages", $"--owner={nobody}");
        Expect(context, findings, ResultKind.NotFound, "users", $"--owner={nobody}");
        Expect(context, findings, ResultKind.NotFound, "users", $"--username={nobody}");
        if (b.Users.Unusable is null)
            Expect(context, findings, ResultKind.NotFound, "users", $"--unix-id={Targets.UnusedUid(b)}");
        Expect(context, findings, ResultKind.NotFound, "users", $"--package-name={nobody}", $"--package-owner={(b.Owners.Count > 0 ? b.Owners[0] : nobody)}");
        Expect(context, findings, ResultKind.NotFound, "domains", $"--owner={nobody}");
        Expect(context, findings, ResultKind.NotFound, "domains", $"--name={Targets.NoDomain}");
        if (b.Resellers.Unusable is null)
            Expect(context, findings, ResultKind.NotFound, "resellers", $"--id={Targets.UnusedResellerId(b)}");
        Expect(context, findings, ResultKind.NotFound, "resellers", $"--name={nobody}");
        Expect(context, findings, ResultKind.NotFound, "admins", $"--name={nobody}");
        findings.NothingToJudge("integration.ini gives no usable command");
        return findings;
    }

    /// <summary>Makes a call as root and judges its result kind (only when it is a valid envelope).</summary>
}
