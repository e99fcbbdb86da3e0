// A real .NET startup hook: the runtime looks for exactly this type name, in the global namespace,
// in every assembly DOTNET_STARTUP_HOOKS names. If it ever ran inside cpvendor it would leave a
// marker file. The startup-hardening tests prove both halves: a CoreCLR host runs it, cpvendor does not.
#pragma warning disable CA1050 // The runtime requires the global namespace for startup hooks.
internal static class StartupHook
#pragma warning restore CA1050
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable("CPVENDOR_TEST_HOOK_MARKER") is { Length: > 0 } marker)
            File.WriteAllText(marker, "startup hook ran\n");
    }
}
