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

    /// <summary>
    /// The ranges of a user record (<see cref="BookSection.UserRecords"/>) a projection onto
    /// <paramref name="mask"/> prints, as runs of parts: <c>(0, 0)</c>, the whole object, for
    /// <see cref="All"/>; else each run of chosen fields next to each other in wire order, as its
    /// first and last member (part i + 1 for field i). The projection prints the chosen fields in
    /// wire order whatever order <c>--fields</c> names them in, so a run is one range of the record.
    /// </summary>
    public static (int First, int Last)[] Runs(int mask)
    {
        if (mask == All)
            return [(0, 0)];
        var runs = new List<(int First, int Last)>();
        for (var field = 0; field < Grammar.UserFields.Count; field++)
        {
            if ((mask & (1 << field)) == 0)
                continue;
            if (runs.Count > 0 && runs[^1].Last == field)
                runs[^1] = (runs[^1].First, field + 1);
            else
                runs.Add((field + 1, field + 1));
        }

        return [.. runs];
    }
}
