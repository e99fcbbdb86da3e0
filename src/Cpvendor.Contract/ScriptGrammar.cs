namespace Cpvendor.Contract;

/// <summary>
/// The argument grammar of one script as data: its options, the filters that exclude each other
/// (each inner list is one filter; options in the same inner list go together), and the pairs that
/// are only valid together.
/// </summary>
public sealed record ScriptGrammar(
    string Script,
    IReadOnlyList<OptionSpec> Options,
    IReadOnlyList<IReadOnlyList<string>> Filters,
    bool AdminOnly)
{
    public OptionSpec? FindLong(string name)
    {
        foreach (var option in Options)
        {
            if (option.Name == name)
                return option;
        }

        return null;
    }

    public OptionSpec? FindShort(char name)
    {
        foreach (var option in Options)
        {
            if (option.ShortName == name)
                return option;
        }

        return null;
    }
}
