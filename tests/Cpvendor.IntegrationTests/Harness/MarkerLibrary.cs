using System.Globalization;

namespace Cpvendor.IntegrationTests.Harness;

/// <summary>
/// A shared library, compiled with gcc for the test, whose constructor (run by the dynamic loader the
/// moment anything loads it) writes a marker file; it also exports the entry point a CoreCLR profiler
/// must have. If the marker appears, some code path loaded the library.
/// </summary>
public static class MarkerLibrary
{
    public static string Build(string dir, string marker)
    {
        var source = Path.Combine(dir, "marker.c");
        var library = Path.Combine(dir, "libmarker.so");
        File.WriteAllText(source, string.Create(CultureInfo.InvariantCulture, $$"""
            #include <stdio.h>
            static void mark(void) {
                FILE *f = fopen("{{marker}}", "a");
                if (f) { fputs("loaded\n", f); fclose(f); }
            }
            __attribute__((constructor)) static void on_load(void) { mark(); }
            int DllGetClassObject(void *clsid, void *iid, void **out) { mark(); *out = 0; return (int)0x80004005; }
            """));
        Run.Checked("/usr/bin/gcc", "-shared", "-fPIC", "-o", library, source);
        File.SetUnixFileMode(library, (UnixFileMode)0b111_101_101);
        return library;
    }
}
