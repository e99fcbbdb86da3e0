using System.Buffers;
using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Cpvendor.Core.Native;
using Cpvendor.Core.Paths;

namespace Cpvendor.Core.Processes;

/// <summary>
/// The one way cpvendor runs another program: an argument vector (never a shell), the environment
/// and working directory of <see cref="ChildOptions"/>, stdin given or closed, stdout and stderr captured
/// concurrently up to a bound, and a time limit after which the whole process tree is killed. A
/// program that cannot start is a result with <see cref="ChildResult.StartError"/>, not an exception.
/// The program is an absolute path (a system tool from <see cref="SystemTools"/>, anything else a path
/// its caller has judged); a bare or relative name is refused, since the runtime would look it up in
/// the current directory and this process's PATH. The child always gets <see cref="CleanPath"/> as its
/// PATH and a working directory of its own (<c>/</c> by default), whatever this process was started with.
/// Run as root, it starts only a program that root alone can change (<see cref="TrustedPath"/>); any
/// other is a <see cref="ChildResult.StartError"/> unless <see cref="ChildOptions.AllowUntrustedProgram"/>.
/// Hooks, install steps, group changes, the doctor, the checker and the benchmarks all run through it;
/// <see cref="Start"/> is the same launch for a child left to finish on its own.
/// </summary>
public static class ChildProcess
{
    public const string CleanPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    /// <summary>Throws unless <paramref name="program"/> is an absolute, normalised path.</summary>
    public static void RequireAbsolute(string program)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        if (!program.StartsWith('/') || Path.GetFullPath(program) != program)
            throw new ArgumentException($"'{program}' is not an absolute path: a program is started only by its absolute path", nameof(program));
    }

    public static ChildResult Run(IReadOnlyList<string> argv, ChildOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(argv.Count);
        options ??= ChildOptions.Default;
        var info = StartInfo(argv, options);
        var watch = Stopwatch.StartNew();
        if (Refusal(argv[0], options) is { } refusal)
            return new ChildResult([], "", -1, watch.Elapsed, false, refusal);
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return new ChildResult([], "", -1, watch.Elapsed, false, $"cannot run {argv[0]}: {e.Message}");
        }

        using (process)
        {
            var stdin = Feed(process.StandardInput.BaseStream, options.Stdin);
            var sink = new Capture(options.MaxCapture);
            var errors = new Capture(options.MaxCapture);
            var errorSink = options.MergeOutput ? sink : errors;
            var stdout = sink.DrainAsync(process.StandardOutput.BaseStream);
            var stderr = errorSink.DrainAsync(process.StandardError.BaseStream);
            var timedOut = !process.WaitForExit(options.Timeout);
            if (timedOut)
                Kill(process);
            process.WaitForExit();
            Task.WaitAll(stdout, stderr, stdin);
            watch.Stop();
            var errorText = options.MergeOutput ? "" : Encoding.UTF8.GetString(errorSink.ToArray());
            return new ChildResult(sink.ToArray(), errorText, timedOut ? -1 : process.ExitCode, watch.Elapsed, timedOut, null);
        }
    }

    /// <summary>
    /// Starts <paramref name="argv"/> as <see cref="Run"/> would and leaves it running: stdin closed,
    /// its output read and dropped, nothing waited for. False when it could not start.
    /// </summary>
    public static bool Start(IReadOnlyList<string> argv, ChildOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(argv.Count);
        options ??= ChildOptions.Default;
        var info = StartInfo(argv, options);
        if (Refusal(argv[0], options) is not null)
            return false;
        try
        {
            using var process = Process.Start(info) ?? throw new InvalidOperationException("no process");
            process.StandardInput.Close();
            // While this process lives the child never blocks on a full pipe; after it, the child's writes
            // fail with EPIPE (the runtime ignores SIGPIPE), so it should report through files, not output.
            _ = process.StandardOutput.BaseStream.CopyToAsync(Stream.Null);
            _ = process.StandardError.BaseStream.CopyToAsync(Stream.Null);
            return true;
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException or IOException)
        {
            return false;
        }
    }

    /// <summary>Writes <paramref name="bytes"/> (if any) to the child's stdin and closes it; a child that stops reading ends the write.</summary>
    private static async Task Feed(Stream stdin, ReadOnlyMemory<byte>? bytes)
    {
        try
        {
            if (bytes is { } content)
                await stdin.WriteAsync(content).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The child closed its end before reading everything: what it did is in its result.
        }
        finally
        {
            try
            {
                await stdin.DisposeAsync().ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Closing a pipe whose reader is gone.
            }
        }
    }

    /// <summary>Why root may not start <paramref name="program"/>, or null.</summary>
    private static string? Refusal(string program, ChildOptions options) =>
        !options.AllowUntrustedProgram && Libc.GetEuid() == 0 && TrustedPath.Problem(program) is { } problem
            ? $"refusing to run {program} as root: it can be changed by a user other than root ({problem})"
            : null;

    private static ProcessStartInfo StartInfo(IReadOnlyList<string> argv, ChildOptions options)
    {
        RequireAbsolute(argv[0]);
        RequireAbsolute(options.WorkingDirectory);
        var info = new ProcessStartInfo(argv[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory,
        };
        for (var i = 1; i < argv.Count; i++)
            info.ArgumentList.Add(argv[i]);
        if (options.CleanEnvironment)
            info.Environment.Clear();
        if (options.Environment is not null)
        {
            foreach (var (key, value) in options.Environment)
                info.Environment[key] = value;
        }

        info.Environment["PATH"] = CleanPath;
        return info;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended between the wait and the kill.
        }
    }

    /// <summary>A bounded buffer that one or two streams are drained into, in arrival order.</summary>
    private sealed class Capture(int max)
    {
        private readonly ArrayBufferWriter<byte> buffer = new();
        private readonly Lock gate = new();

        public async Task DrainAsync(Stream stream)
        {
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await stream.ReadAsync(chunk).ConfigureAwait(false)) > 0)
            {
                lock (gate)
                {
                    var room = max - buffer.WrittenCount;
                    if (room > 0)
                        buffer.Write(chunk.AsSpan(0, Math.Min(read, room)));
                }
            }
        }

        public byte[] ToArray()
        {
            lock (gate)
                return buffer.WrittenSpan.ToArray();
        }
    }
}
