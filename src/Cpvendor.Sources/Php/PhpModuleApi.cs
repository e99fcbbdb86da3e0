namespace Cpvendor.Sources.Php;

/// <summary>
/// The module API number of each PHP version (<c>ZEND_MODULE_API_NO</c> in php-src's
/// <c>Zend/zend_modules.h</c> of each release branch). Debian and Ubuntu, and the common
/// third-party repository with their layout, install a version's extensions in
/// <c>/usr/lib/php/NUMBER</c> (what <c>php-config --extension-dir</c> prints there), and every PHP
/// binary carries the number in its build id (<c>API20220829,NTS</c>).
/// </summary>
internal static class PhpModuleApi
{
    private static readonly (string Version, string Api)[] Table =
    [
        ("5.6", "20131226"),
        ("7.0", "20151012"),
        ("7.1", "20160303"),
        ("7.2", "20170718"),
        ("7.3", "20180731"),
        ("7.4", "20190902"),
        ("8.0", "20200930"),
        ("8.1", "20210902"),
        ("8.2", "20220829"),
        ("8.3", "20230831"),
        ("8.4", "20240924"),
    ];

    /// <summary>The module API number of an X.Y version, or null for a version this table does not know.</summary>
    public static string? Of(string version) => Table.FirstOrDefault(t => t.Version == version).Api;

    /// <summary>The X.Y version of a module API number, or null.</summary>
    public static string? VersionOf(string api) => Table.FirstOrDefault(t => t.Api == api).Version;
}
