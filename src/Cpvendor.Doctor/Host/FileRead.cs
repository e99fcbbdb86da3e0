namespace Cpvendor.Doctor.Host;

/// <summary>A file read under the root: its text, or whether it is missing or could not be read.</summary>
internal sealed record FileRead(string Path, string? Text, bool Missing, string? Problem)
{
    public bool Ok => Text is not null;

    public static FileRead Of(string path)
    {
        try
        {
            return new FileRead(path, File.ReadAllText(path), false, null);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return new FileRead(path, null, true, $"{path} does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileRead(path, null, false, $"{path} cannot be read: {e.Message}");
        }
    }
}
