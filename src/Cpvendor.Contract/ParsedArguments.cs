namespace Cpvendor.Contract;

/// <summary>The options a call gave, by long name, after the grammar accepted them.</summary>
public sealed class ParsedArguments
{
    private readonly Dictionary<string, string> values;

    internal ParsedArguments(Dictionary<string, string> values) => this.values = values;

    public bool Has(string name) => values.ContainsKey(name);

    public string? Text(string name) => values.GetValueOrDefault(name);

    public uint? Number(string name) => values.TryGetValue(name, out var v) ? uint.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : null;

    public bool? Boolean(string name) => values.TryGetValue(name, out var v) ? v == "true" : null;

    public IReadOnlyList<string>? Fields(string name) => values.TryGetValue(name, out var v) ? v.Split(',') : null;

    public bool IsEmpty => values.Count == 0;
}
