using System.Text.Json;
using Cpvendor.Core;

namespace Cpvendor.Host.Plan;

/// <summary>
/// The record of what install created and what it modified on a host
/// (<c>ROOT/opt/cpvendor/etc/install-manifest.json</c>, root only). Install adds to it, uninstall
/// undoes it in reverse order. It is rewritten only when its content changes, so that a second
/// install leaves the tree untouched.
/// </summary>
internal sealed class InstallManifest
{
    public const string RelativePath = "opt/cpvendor/etc/install-manifest.json";
    private const UnixFileMode Mode = FileModes.PrivateFile;

    private readonly List<Change> changes;

    private InstallManifest(string path, List<Change> changes)
    {
        Path = path;
        this.changes = changes;
    }

    public string Path { get; }

    public IReadOnlyList<Change> Changes => changes;

    public static InstallManifest Load(string root)
    {
        var path = InstallLayout.Under(root, RelativePath);
        if (!File.Exists(path))
            return new InstallManifest(path, []);
        try
        {
            var list = JsonSerializer.Deserialize(File.ReadAllBytes(path), ManifestJsonContext.Default.ListChange) ?? [];
            return new InstallManifest(path, list);
        }
        catch (JsonException e)
        {
            throw CpvendorException.BadConfig(path, $"not a readable install manifest: {e.Message}");
        }
    }

    /// <summary>A manifest holding only the given changes (what an interrupted uninstall has left to do).</summary>
    public static InstallManifest Remaining(string root, IEnumerable<Change> changes) =>
        new(InstallLayout.Under(root, RelativePath), changes.ToList());

    /// <summary>Whether a change of this kind is already recorded for the target.</summary>
    public bool Has(ChangeKind kind, string target) => changes.Any(c => c.Kind == kind && c.Target == target);

    /// <summary>Whether install has already taken responsibility for a path (created or replaced it).</summary>
    public bool Owns(string path) =>
        changes.Any(c => c.Target == path && c.Kind is ChangeKind.CreatedFile or ChangeKind.ReplacedFile or ChangeKind.CreatedDir or ChangeKind.CreatedTree);

    /// <summary>The options the last install recorded, or null when it recorded none (older releases).</summary>
    public Choices.InstallChoices? RecordedOptions()
    {
        var recorded = changes.FirstOrDefault(c => c.Kind == ChangeKind.RecordedOptions);
        if (recorded?.Detail is not { } json)
            return null;
        try
        {
            return JsonSerializer.Deserialize(json, ManifestJsonContext.Default.InstallChoices);
        }
        catch (JsonException e)
        {
            throw CpvendorException.BadConfig(Path, $"the recorded install options cannot be read: {e.Message}");
        }
    }

    /// <summary>Records the options of this install in place of the earlier ones (same position, so an unchanged set leaves the file as it was).</summary>
    public void RecordOptions(Choices.InstallChoices choices)
    {
        var entry = new Change(ChangeKind.RecordedOptions, "install-options", Detail: JsonSerializer.Serialize(choices, ManifestJsonContext.Default.InstallChoices));
        var index = changes.FindIndex(c => c.Kind == ChangeKind.RecordedOptions);
        if (index < 0)
            changes.Add(entry);
        else
            changes[index] = entry;
    }

    public void Record(Change change)
    {
        if (!changes.Contains(change))
            changes.Add(change);
    }

    public void Save(bool asRoot)
    {
        if (changes.Count == 0 && !File.Exists(Path))
            return;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(changes, ManifestJsonContext.Default.ListChange);
        if (File.Exists(Path) && File.ReadAllBytes(Path).AsSpan().SequenceEqual(bytes))
            return;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        SecureFile.WriteAtomic(Path, bytes, Mode, asRoot ? 0u : null, asRoot ? 0u : null);
    }

    public void Delete() => File.Delete(Path);
}
