using System.Runtime.InteropServices;
using System.Text;

namespace Cpvendor.Bench;

/// <summary>A UNIX identity a command runs as (null: the benchmark's own, root).</summary>
internal sealed record Identity(string Name, uint Uid, uint Gid);

/// <summary>
/// One program with its arguments, prepared once as the NUL-terminated C arrays posix_spawn takes, so
/// that nothing is allocated or encoded between starting the clock and starting the child.
/// </summary>
internal sealed unsafe class Command : IDisposable
{
    private readonly List<nint> blocks = [];

    public Command(string label, string file, IReadOnlyList<string> args, Identity? runAs = null)
    {
        Label = label;
        File = file;
        Args = args;
        RunAs = runAs;
        Path = Utf8(file);
        var argv = (byte**)NativeMemory.AllocZeroed((nuint)(args.Count + 2), (nuint)sizeof(byte*));
        blocks.Add((nint)argv);
        argv[0] = Path;
        for (var i = 0; i < args.Count; i++)
            argv[i + 1] = Utf8(args[i]);
        Argv = argv;

        // A small fixed environment: nothing from the benchmark's own shell leaks into the timings.
        string[] environment = ["PATH=/usr/sbin:/usr/bin:/sbin:/bin", "LANG=C.UTF-8"];
        var envp = (byte**)NativeMemory.AllocZeroed((nuint)(environment.Length + 1), (nuint)sizeof(byte*));
        blocks.Add((nint)envp);
        for (var i = 0; i < environment.Length; i++)
            envp[i] = Utf8(environment[i]);
        Envp = envp;
    }

    public string Label { get; }

    public string File { get; }

    public IReadOnlyList<string> Args { get; }

    public Identity? RunAs { get; }

    public byte* Path { get; }

    public byte** Argv { get; }

    public byte** Envp { get; }

    /// <summary>The command as a shell would show it (for the report).</summary>
    public string Display => string.Join(' ', new[] { File }.Concat(Args)) + (RunAs is null ? "" : $"  (as {RunAs.Name})");

    public void Dispose()
    {
        foreach (var block in blocks)
            NativeMemory.Free((void*)block);
        blocks.Clear();
    }

    private byte* Utf8(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var p = (byte*)NativeMemory.AllocZeroed((nuint)bytes.Length + 1);
        bytes.CopyTo(new Span<byte>(p, bytes.Length));
        blocks.Add((nint)p);
        return p;
    }
}
