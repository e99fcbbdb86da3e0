using System.Globalization;

namespace Cpvendor.Contract;

/// <summary>
/// Parses a script's arguments against its <see cref="ScriptGrammar"/> (docs/contract.md section 2,
/// "Arguments"): <c>--opt=value</c>, <c>--opt value</c>, <c>-o value</c>, <c>-ovalue</c>; booleans
/// <c>true|false</c>; flags take no value; a repeated option keeps its last value. Every deviation is
/// a <see cref="ResultKind.BadRequest"/> problem naming the offending argument.
/// </summary>
public static class ArgumentParser
{
    public static (ParsedArguments? Arguments, Problem? Problem) Parse(ScriptGrammar grammar, IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            OptionSpec? option;
            string? inlineValue = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2)
            {
                var eq = arg.IndexOf('=', StringComparison.Ordinal);
                var name = eq < 0 ? arg[2..] : arg[2..eq];
                if (eq >= 0)
                    inlineValue = arg[(eq + 1)..];
                option = grammar.FindLong(name);
                if (option is null)
                    return Fail($"Unknown argument '{Shorten(arg)}' for {grammar.Script}");
            }
            else if (arg.Length >= 2 && arg[0] == '-' && arg[1] != '-')
            {
                option = grammar.FindShort(arg[1]);
                if (option is null)
                    return Fail($"Unknown argument '{Shorten(arg)}' for {grammar.Script}");
                if (arg.Length > 2)
                    inlineValue = arg[2..];
            }
            else
            {
                return Fail($"Unexpected argument '{Shorten(arg)}' for {grammar.Script}");
            }

            string value;
            if (option.Kind == OptionKind.Flag)
            {
                if (inlineValue is not null)
                    return Fail($"{option.Display} takes no value");
                value = "true";
            }
            else if (inlineValue is not null)
            {
                value = inlineValue;
            }
            else if (i + 1 < args.Count)
            {
                value = args[++i];
            }
            else
            {
                return Fail($"{option.Display} needs a value");
            }

            if (Validate(option, value) is { } problem)
                return (null, problem);
            values[option.Name] = value;
        }

        if (CheckCombinations(grammar, values) is { } combinationProblem)
            return (null, combinationProblem);
        return (new ParsedArguments(values), null);
    }

    private static Problem? Validate(OptionSpec option, string value)
    {
        switch (option.Kind)
        {
            case OptionKind.Text:
                return value.Length == 0 ? Problem.BadRequest($"{option.Display} needs a non-empty value") : null;
            case OptionKind.WholeNumber:
                return IsUInt32(value)
                    ? null
                    : Problem.BadRequest($"{option.Display} takes a whole number from 0 to 4294967295, not '{Shorten(value)}'");
            case OptionKind.Boolean:
                return value is "true" or "false"
                    ? null
                    : Problem.BadRequest($"{option.Display} takes true or false, not '{Shorten(value)}'");
            case OptionKind.FieldList:
                if (value.Length == 0)
                    return Problem.BadRequest($"{option.Display} needs at least one field name");
                foreach (var field in value.Split(','))
                {
                    if (!option.AllowedValues!.Contains(field))
                        return Problem.BadRequest($"Unknown field '{Shorten(field)}'");
                }

                return null;
            default:
                return null;
        }
    }

    private static bool IsUInt32(string value)
    {
        if (value.Length == 0 || value.Length > 10)
            return false;
        foreach (var c in value)
        {
            if (c is < '0' or > '9')
                return false;
        }

        return ulong.Parse(value, CultureInfo.InvariantCulture) <= uint.MaxValue;
    }

    private static Problem? CheckCombinations(ScriptGrammar grammar, Dictionary<string, string> values)
    {
        string? chosen = null;
        foreach (var filter in grammar.Filters)
        {
            var present = filter.Where(values.ContainsKey).ToList();
            if (present.Count == 0)
                continue;
            if (present.Count != filter.Count)
            {
                var missing = filter.First(name => !values.ContainsKey(name));
                return Problem.BadRequest($"--{present[0]} needs --{missing}");
            }

            var label = string.Join(" and ", filter.Select(name => "--" + name));
            if (chosen is not null)
                return Problem.BadRequest($"{chosen} and {label} cannot be combined: give one filter");
            chosen = label;
        }

        return null;
    }

    /// <summary>Keeps error messages short when a caller sends a huge argument.</summary>
    private static string Shorten(string value) => value.Length <= 64 ? value : string.Concat(value.AsSpan(0, 64), "...");

    private static (ParsedArguments?, Problem?) Fail(string message) => (null, Problem.BadRequest(message));
}
