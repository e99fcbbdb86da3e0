using Cpvendor.Store.Model;

namespace Cpvendor.Sources.Php;

/// <summary>What the administrator set in the store for PHP: the builds of <c>cpvendor settings php add</c> and the panel's default (<c>settings panel --default-php</c>).</summary>
internal sealed record PhpSetup(IReadOnlyList<PhpVersionRow> Configured, string? ConfiguredDefault)
{
    public static PhpSetup None { get; } = new([], null);
}
