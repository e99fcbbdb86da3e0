using System.Runtime.InteropServices;

namespace Cpvendor.Core.Native;

public static unsafe partial class Libc
{
    private const int ErrInterrupted = 4; // EINTR

    [LibraryImport("libc", EntryPoint = "getrandom", SetLastError = true)]
    private static partial nint GetRandomRaw(byte* buffer, nint length, uint flags);

    /// <summary>
    /// Fills <paramref name="buffer"/> from the kernel's random source (<c>getrandom(2)</c>, glibc 2.25
    /// and later): no crypto library is loaded, so a publish needs none on the host.
    /// </summary>
    public static void FillRandom(Span<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            var filled = 0;
            while (filled < buffer.Length)
            {
                var n = GetRandomRaw(start + filled, buffer.Length - filled, 0);
                if (n < 0 && Marshal.GetLastPInvokeError() == ErrInterrupted)
                    continue;
                if (n <= 0)
                    throw new IOException($"getrandom: errno {Marshal.GetLastPInvokeError()}");
                filled += (int)n;
            }
        }
    }

    /// <summary><paramref name="length"/> bytes from the kernel's random source (<see cref="FillRandom"/>).</summary>
    public static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        FillRandom(bytes);
        return bytes;
    }
}
