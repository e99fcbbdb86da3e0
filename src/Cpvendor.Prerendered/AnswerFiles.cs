using System.Globalization;
using Cpvendor.Core;

namespace Cpvendor.Prerendered;

/// <summary>
/// Where the pre-rendered answers live: the book beside the read-model generation it was built
/// from (same folder, same 0640 root:admin group), the public panel_info answer beside the public
/// panel_info file; each caller's answers are inside their per-uid file (<see cref="AccountFile"/>).
/// </summary>
public static class AnswerFiles
{
    public static string ModelFolder(InstallConfig config) => Path.Combine(config.DataDir, "model");

    /// <summary>The read-model generation the book must have been built from.</summary>
    public static string Generation(InstallConfig config) => Path.Combine(ModelFolder(config), "panel.db");

    public static string Book(InstallConfig config) => Path.Combine(ModelFolder(config), "answers.book");

    /// <summary>The patch that brings the book to the current generation (same folder, owner and mode as the book).</summary>
    public static string Patch(InstallConfig config) => Path.Combine(ModelFolder(config), "answers.patch");

    /// <summary>Root's db_info answer: beside the book, but 0600 root, since it holds the database password.</summary>
    public static string DbInfo(InstallConfig config) => Path.Combine(ModelFolder(config), "db_info.answer");

    /// <summary>The patch that brings root's db_info answer to a later change log position (0600 root, as the answer).</summary>
    public static string DbInfoPatch(InstallConfig config) => Path.Combine(ModelFolder(config), "db_info.patch");

    public static string PanelInfo(InstallConfig config) => Path.Combine(config.PublicDir, "panel_info.answer");

    /// <summary>
    /// An older version's two files per uid, its data (<c>UID.json</c>) and its answers stamped with
    /// that data (<c>UID.answers</c>), which <see cref="AccountFile"/> replaced: the full binary reads
    /// the data of an uid that has no <c>UID.user</c> yet, and every publish removes both.
    /// </summary>
    public static string RetiredUserData(InstallConfig config, uint uid) => Path.Combine(config.UsersDir, uid.ToString(CultureInfo.InvariantCulture) + ".json");

    /// <inheritdoc cref="RetiredUserData"/>
    public static string RetiredUserAnswers(InstallConfig config, uint uid) => Path.Combine(config.UsersDir, uid.ToString(CultureInfo.InvariantCulture) + ".answers");

    /// <summary>The name patterns of <see cref="RetiredUserData"/> and <see cref="RetiredUserAnswers"/> in <c>DATA/users</c>.</summary>
    public static IReadOnlyList<string> RetiredUserPatterns { get; } = ["*.json", "*.answers"];
}
