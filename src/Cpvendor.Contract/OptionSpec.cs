namespace Cpvendor.Contract;

public enum OptionKind
{
    /// <summary>A non-empty string value.</summary>
    Text,

    /// <summary>An unsigned 32-bit integer (uids, reseller ids).</summary>
    WholeNumber,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>Present or absent; takes no value.</summary>
    Flag,

    /// <summary>A comma-separated list of names from a fixed set.</summary>
    FieldList,
}

/// <summary>One option of a script: its long name (without dashes), an optional short form, its kind.</summary>
public sealed record OptionSpec(string Name, char? ShortName, OptionKind Kind, IReadOnlyList<string>? AllowedValues = null)
{
    public string Display => ShortName is { } s ? $"--{Name}/-{s}" : $"--{Name}";
}
