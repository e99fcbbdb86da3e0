using Cpvendor.Prerendered;

namespace Cpvendor.Host.Plan;

/// <summary>
/// The small cpapi binary (<c>cpvendor-cpapi</c> beside the binary, made by ./build.sh and shipped by
/// the RPM and the .deb): what integration.ini's script lines name in the default mode; its
/// position-independent build (<c>cpvendor-cpapi-pie</c>) is what sudo and proxyexec run in privileged mode. It answers from the answer
/// book and hands every other call to the binary beside it (docs/cpapi.md). A source binary without
/// it (a development build) leaves the script lines on the binary itself.
/// </summary>
internal static class SmallCpapiBinary
{
    public const string Name = FullBinary.SmallName;

    public static string Beside(string binary) => Path.Combine(Path.GetDirectoryName(binary) ?? "/", Name);
}
