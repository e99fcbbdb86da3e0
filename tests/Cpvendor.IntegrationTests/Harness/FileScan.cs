namespace Cpvendor.IntegrationTests.Harness;

/// <summary>
/// What a UNIX user can read, found the way that user would: <c>find -readable</c> and <c>cat</c> run
/// as them (setpriv), over folders and over paths named directly (a file in a folder the user cannot
/// list is still readable if its name is guessed, so guessable names are passed explicitly).
/// </summary>
public static class FileScan
{
    private const string Script =
        """
        #!/bin/sh
        find "$@" -type f -readable 2>/dev/null | sort -u | while IFS= read -r f; do
          printf '\n\036FILE %s\n' "$f"
          cat -- "$f" 2>/dev/null
        done
        """;

    /// <summary>Every file <paramref name="user"/> can read under or at <paramref name="paths"/>, with its content.</summary>
    public static IReadOnlyDictionary<string, string> ReadableBy(RunAs user, string scratchDir, params string[] paths)
    {
        var script = Path.Combine(scratchDir, $"scan-{Guid.NewGuid():N}.sh");
        File.WriteAllText(script, Script);
        File.SetUnixFileMode(script, (UnixFileMode)0b111_101_101);
        try
        {
            var run = Run.Program(script, paths, user);
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var block in run.Stdout.Split("\n\u001eFILE ").Skip(1))
            {
                var newline = block.IndexOf('\n', StringComparison.Ordinal);
                files[block[..newline]] = block[(newline + 1)..];
            }

            return files;
        }
        finally
        {
            File.Delete(script);
        }
    }
}
