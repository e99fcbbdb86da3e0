using Cpvendor.Contract;
using Cpvendor.Core;
using Cpvendor.Cpapi.Identity;
using Cpvendor.Cpapi.Publishing;
using Cpvendor.Cpapi.Scripts;

namespace Cpvendor.Cpapi;

/// <summary>
/// The single entry of <c>cpvendor cpapi SCRIPT [ARGS...]</c> and the one place where failures turn
/// into <c>InternalAPIError</c> envelopes. Whatever happens, the result is exactly one valid envelope.
/// </summary>
public static class CpapiRunner
{
    /// <summary>One implementation per grammar of <see cref="Grammar.Scripts"/>, which alone names the scripts.</summary>
    private static readonly IScript[] Implementations =
    [
        new PanelInfoScript(), new DbInfoScript(), new PackagesScript(), new UsersScript(),
        new DomainsScript(), new ResellersScript(), new AdminsScript(), new PhpScript(),
    ];

    /// <summary>Answers one call. <paramref name="loadConfig"/> supplies the install (tests pass their own).</summary>
    public static ReadOnlyMemory<byte> Run(IReadOnlyList<string> args, Func<InstallConfig> loadConfig, Func<string, string?> environment)
    {
        var envelope = new Envelope();
        try
        {
            if (args.Count == 0)
                return envelope.Error(Problem.BadRequest("No script named: use one of " + ScriptList()));
            var script = Find(args[0]);
            if (script is null)
                return envelope.Error(Problem.BadRequest($"Unknown script '{Truncate(args[0])}': use one of {ScriptList()}"));

            var config = loadConfig();
            var caller = CallerResolver.Resolve(config, environment);
            if (script.Grammar.AdminOnly && !caller.SeesEverything)
                return envelope.Error(Problem.PermissionDenied($"{script.Grammar.Script} is available to administrators only"));

            // Always live: the small binaries answer from the book and hand this binary only what the
            // book does not hold or any doubt, so its answers stay the reference the book is checked against.
            using var context = new ScriptContext(config, caller);
            return Live(script, args.Skip(1).ToArray(), context, envelope);
        }
        catch (CpvendorException e)
        {
            return envelope.Error(Problem.Internal(e.Message));
        }
        catch (UnauthorizedAccessException e)
        {
            return envelope.Error(Problem.Internal($"access denied reading panel data: {e.Message}"));
        }
        catch (Exception e)
        {
            return envelope.Error(Problem.Internal($"unexpected {e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>Answers from the store, never from a snapshot (the publisher builds snapshots with this).</summary>
    internal static ReadOnlyMemory<byte> Live(string scriptName, ScriptContext context) => Live(scriptName, [], context);

    /// <summary>Answers one call with <paramref name="rest"/> as its options from the store (the answer book is rendered with this).</summary>
    internal static ReadOnlyMemory<byte> Live(string scriptName, string[] rest, ScriptContext context) =>
        Live(Find(scriptName) ?? throw new ArgumentException($"no script {scriptName}", nameof(scriptName)), rest, context, new Envelope());

    /// <summary>An end user's <c>domains</c> (or <c>domains --with-php</c>) answer over their own file's content.</summary>
    internal static byte[] EndUserDomains(UserAnswers own, bool withPhp) =>
        new Envelope().Build(writer => DomainsScript.WriteOwn(own, null, null, withPhp, writer)).ToArray();

    private static ReadOnlyMemory<byte> Live(IScript script, string[] rest, ScriptContext context, Envelope envelope)
    {
        var (arguments, problem) = ArgumentParser.Parse(script.Grammar, rest);
        if (problem is not null)
            return envelope.Error(problem);
        return envelope.Build(writer => script.Write(context, arguments!, writer));
    }

    private static IScript? Find(string name) => Grammar.Find(name) is { } grammar ? Implementation(grammar) : null;

    /// <summary>The implementation of <paramref name="grammar"/>, or null when a grammar has none.</summary>
    private static IScript? Implementation(ScriptGrammar grammar)
    {
        foreach (var script in Implementations)
        {
            if (ReferenceEquals(script.Grammar, grammar))
                return script;
        }

        return null;
    }

    private static string ScriptList() => string.Join(", ", Grammar.Scripts.Select(s => s.Script));

    private static string Truncate(string value) => value.Length <= 64 ? value : value[..64] + "...";
}
