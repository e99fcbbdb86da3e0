namespace Cpvendor.Conformance.Ini;

/// <summary>The options of one section in insertion order; values are lists of lines until joined.</summary>
internal sealed class OrderedOptions
{
    private readonly List<string> order = [];
    private readonly Dictionary<string, List<string>> lines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> joined = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Keys => order;

    public bool Contains(string key) => lines.ContainsKey(key);

    /// <summary>Sets an option to its first line; a later duplicate (non-strict) replaces it in place.</summary>
    public void Set(string key, string firstLine)
    {
        if (!lines.ContainsKey(key))
            order.Add(key);
        lines[key] = [firstLine];
    }

    public void Append(string key, string line) => lines[key].Add(line);

    /// <summary>configparser's <c>_join_multiline_values</c>: lines joined by newlines, trailing whitespace dropped.</summary>
    public void Join()
    {
        joined.Clear();
        foreach (var (key, value) in lines)
            joined[key] = PyText.RStrip(string.Join('\n', value));
    }

    public bool TryGet(string key, out string value) => joined.TryGetValue(key, out value!);
}
