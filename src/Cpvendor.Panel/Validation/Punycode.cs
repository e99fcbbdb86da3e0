using System.Text;

namespace Cpvendor.Panel.Validation;

/// <summary>
/// The Punycode encoding of RFC 3492, for the A-labels of internationalised domain names. Written
/// out here because the binary runs with invariant globalization (no ICU), where the framework's
/// IDN mapping is not available.
/// </summary>
internal static class Punycode
{
    private const int Base = 36;
    private const int TMin = 1;
    private const int TMax = 26;
    private const int Skew = 38;
    private const int Damp = 700;
    private const int InitialBias = 72;
    private const int InitialN = 128;

    public static string Encode(string label)
    {
        var codePoints = new List<int>();
        for (var i = 0; i < label.Length; i++)
        {
            var cp = char.ConvertToUtf32(label, i);
            if (char.IsHighSurrogate(label[i]))
                i++;
            codePoints.Add(cp);
        }

        var output = new StringBuilder();
        foreach (var cp in codePoints.Where(cp => cp < 0x80))
            output.Append((char)cp);
        var basic = output.Length;
        var handled = basic;
        if (basic > 0)
            output.Append('-');

        int n = InitialN, bias = InitialBias;
        long delta = 0;
        while (handled < codePoints.Count)
        {
            var m = codePoints.Where(cp => cp >= n).Min();
            delta = checked(delta + ((long)(m - n) * (handled + 1)));
            n = m;
            foreach (var cp in codePoints)
            {
                if (cp < n)
                    delta++;
                if (cp != n)
                    continue;
                var q = delta;
                for (var k = Base; ; k += Base)
                {
                    var t = k <= bias ? TMin : k >= bias + TMax ? TMax : k - bias;
                    if (q < t)
                        break;
                    output.Append(Digit((int)(t + ((q - t) % (Base - t)))));
                    q = (q - t) / (Base - t);
                }

                output.Append(Digit((int)q));
                bias = Adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled++;
            }

            delta++;
            n++;
        }

        return output.ToString();
    }

    private static char Digit(int d) => (char)(d < 26 ? 'a' + d : '0' + (d - 26));

    private static int Adapt(long delta, int points, bool first)
    {
        delta = first ? delta / Damp : delta / 2;
        delta += delta / points;
        var k = 0;
        while (delta > ((Base - TMin) * TMax) / 2)
        {
            delta /= Base - TMin;
            k += Base;
        }

        return (int)(k + (((Base - TMin + 1) * delta) / (delta + Skew)));
    }
}
