using Cpvendor.Contract;

namespace Cpvendor.Conformance.Checks;

/// <summary>
/// A filtered call the checker makes, as options and values, so that it can be written in each
/// form the contract allows (docs/contract.md section 2): <c>--x=v</c>, <c>--x v</c>, <c>-x v</c>.
/// </summary>
internal sealed record FilterCase(string Script, IReadOnlyList<(string Option, string Value)> Options)
{
    public FilterCase(string script, string option, string value)
        : this(script, [(option, value)])
    {
    }

    public string[] EqualsForm => Options.Select(o => $"--{o.Option}={o.Value}").ToArray();

    public string[] SpacedForm => Options.SelectMany(o => new[] { "--" + o.Option, o.Value }).ToArray();

    /// <summary>The documented short forms, when every option has one.</summary>
    public string[]? ShortForm
    {
        get
        {
            var grammar = Grammar.Find(Script)!;
            var shorts = Options.Select(o => grammar.FindLong(o.Option)?.ShortName).ToList();
            return shorts.All(s => s is not null)
                ? Options.Zip(shorts).SelectMany(p => new[] { "-" + p.Second, p.First.Value }).ToArray()
                : null;
        }
    }

    public override string ToString() => Script + " " + string.Join(' ', EqualsForm);
}
