using System.Text.Json;
using Cpvendor.Contract;

namespace Cpvendor.Conformance.Checks;

/// <summary>docs/contract.md section 3: the value formats a schema's types do not capture.</summary>
internal static class FormatChecks
{
    public const string DomainsSection = "§3 domains";
    public const string PhpSection = "§3 php";

    public static IEnumerable<CheckDefinition> All =>
    [
        new("Document_roots_are_absolute_without_trailing_slash", DomainsSection, "every document_root starts with / and does not end with one", DocumentRoots),
        new("Domain_php_versions_have_no_dot", DomainsSection, "domains --with-php gives php.version like \"74\"", DomainPhpVersions),
        new("Domain_php_handlers_are_fpm_cgi_or_lsapi", DomainsSection, "php.handler is fpm, cgi or lsapi, and fpm names the service when it is fpm", Handlers),
        new("Php_versions_have_a_dot", PhpSection, "the php script gives version like \"7.4\"", PhpVersions),
    ];

    private static Findings DocumentRoots(CheckContext context)
    {
        var answer = context.Baseline.Domains;
        if (answer.Unusable is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        foreach (var domain in answer.Entries)
        {
            var root = Json.Str(domain.Value, "document_root");
            if (root is null)
                continue;
            if (!root.StartsWith('/'))
                findings.Fail($"{domain.Name}: document_root \"{root}\" is not absolute", answer.Call);
            else if (root.EndsWith('/'))
                findings.Fail($"{domain.Name}: document_root \"{root}\" ends with a slash", answer.Call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("domains lists no document root");
        return findings;
    }

    private static Findings DomainPhpVersions(CheckContext context)
    {
        var answer = context.Baseline.DomainsWithPhp;
        if (answer.Unusable is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        foreach (var domain in answer.Entries)
        {
            if (Json.Member(domain.Value, "php") is not { } php || Json.Str(php, "version") is not { } version)
                continue;
            if (version.Length is < 2 or > 3 || !version.All(char.IsAsciiDigit))
                findings.Fail($"{domain.Name}: php.version \"{version}\" is not written like \"74\" (digits, no dot)", answer.Call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("domains --with-php gives no php.version");
        return findings;
    }

    private static Findings Handlers(CheckContext context)
    {
        var answer = context.Baseline.DomainsWithPhp;
        if (answer.Unusable is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        foreach (var domain in answer.Entries)
        {
            if (Json.Member(domain.Value, "php") is not { ValueKind: JsonValueKind.Object } php || Json.Str(php, "handler") is not { } handler)
                continue;
            if (!Grammar.PhpHandlers.Contains(handler))
                findings.Fail($"{domain.Name}: php.handler \"{handler}\" is not one of {string.Join(", ", Grammar.PhpHandlers)}", answer.Call);
            else if (handler == "fpm" && string.IsNullOrEmpty(Json.Str(php, "fpm")))
                findings.Fail($"{domain.Name}: php.handler is fpm but php.fpm names no service", answer.Call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("domains --with-php gives no php.handler");
        return findings;
    }

    private static Findings PhpVersions(CheckContext context)
    {
        var answer = context.Baseline.Php;
        if (answer.Unusable is { } why)
            return Findings.Skipped(why);
        var findings = new Findings();
        foreach (var php in answer.Items)
        {
            if (Json.Str(php, "version") is not { } version)
                continue;
            var parts = version.Split('.');
            if (parts.Length != 2 || parts.Any(p => p.Length == 0 || !p.All(char.IsAsciiDigit)))
                findings.Fail($"{Json.Str(php, "identifier")}: version \"{version}\" is not written like \"7.4\"", answer.Call);
            else
                findings.Pass();
        }

        findings.NothingToJudge("php lists no version");
        return findings;
    }
}
