using Cpvendor.Contract;

namespace Cpvendor.Prerendered;

/// <summary>The <c>users --fields</c> set as a bit mask over <see cref="Grammar.UserFields"/> (bit i: field i, in wire order).</summary>
public static class FieldMask
{
    public const int All = 0b111_1111;

    public static int From(IReadOnlyList<string>? fields)
    {
        if (fields is null)
            return All;
        var mask = 0;
        foreach (var field in fields)
        {
            for (var i = 0; i < Grammar.UserFields.Count; i++)
            {
                if (Grammar.UserFields[i] == field)
                    mask |= 1 << i;
            }
        }

        return mask;
    }
}
