using System.Runtime.InteropServices;

// Native libraries are looked up only where the system loader keeps them, never in the folder of the
// assembly, so a library placed beside the program is not loaded in its stead. The published binaries
// link libc (and SQLite) directly, so this governs test and tool runs on the .NET runtime.
[assembly: DefaultDllImportSearchPaths(DllImportSearchPath.System32)]
