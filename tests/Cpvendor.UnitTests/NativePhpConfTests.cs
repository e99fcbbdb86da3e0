using Cpvendor.Core;
using Cpvendor.Panel.Selector;
using Cpvendor.Store.Model;

namespace Cpvendor.UnitTests;

/// <summary>The lines of PHP Selector's native.conf (<c>php=</c>, <c>php-cli=</c>, <c>php.ini=</c>) from the store's native PHP.</summary>
public sealed class NativePhpConfTests
{
    [Fact]
    public void The_first_native_php_gives_the_cgi_binary_beside_the_cli_one_and_its_ini()
    {
        var text = NativePhpConf.Render([new NativePhpRow("ea-php82", "/opt/cpanel/ea-php82/root/usr/bin/php", "/opt/cpanel/ea-php82/root/etc/php.ini"), new NativePhpRow("zz-php74", "/usr/bin/php74", "/etc/php74.ini")]);

        Assert.Equal("php=/opt/cpanel/ea-php82/root/usr/bin/php-cgi\nphp-cli=/opt/cpanel/ea-php82/root/usr/bin/php\nphp.ini=/opt/cpanel/ea-php82/root/etc/php.ini\n", text);
    }

    [Fact]
    public void No_native_php_means_no_file() => Assert.Null(NativePhpConf.Render([]));

    [Theory]
    [InlineData("/usr/bin/php\nphp=/tmp/evil")]
    [InlineData("relative/php")]
    [InlineData("/usr/bin/php=x")]
    public void A_path_the_file_cannot_carry_is_refused(string bin) =>
        Assert.Throws<CpvendorException>(() => NativePhpConf.Render([new NativePhpRow("ea-php82", bin, "/etc/php.ini")]));
}
