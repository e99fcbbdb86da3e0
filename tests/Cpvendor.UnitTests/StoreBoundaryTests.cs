using System.Reflection;
using System.Text.RegularExpressions;
using Cpvendor.Store;

namespace Cpvendor.UnitTests;

/// <summary>
/// The store's schema is known to Cpvendor.Store only: no other project of the product (src/, bench/)
/// names SQLite's types or carries SQL against the store's tables, and no other project file pulls
/// the SQLite packages in, except the few allowed below, each for its reason. The table names come
/// from the store's migrations, so a table added tomorrow is guarded too.
/// </summary>
public sealed partial class StoreBoundaryTests
{
    private static readonly string Root = FindRoot();

    private static readonly string StoreProject = Path.Combine("src", "Cpvendor.Store") + Path.DirectorySeparatorChar;

    /// <summary>Project files other than the store's that may name a SQLite package, and why.</summary>
    private static readonly Dictionary<string, string> AllowedProjects = new(StringComparer.Ordinal)
    {
        [Path.Combine("src", "Cpvendor.Cli", "Cpvendor.Cli.csproj")] =
            "the executable links SQLite's static library into the published binary (NativeAOT links native code only in the executable's project)",
        [Path.Combine("tests", "Cpvendor.UnitTests", "Cpvendor.UnitTests.csproj")] =
            "damages and inspects store files below the store's API to prove how the API reacts",
        [Path.Combine("tests", "Cpvendor.IntegrationTests", "Cpvendor.IntegrationTests.csproj")] =
            "plants panel changes and damage in store files of throw-away installs, and checks their integrity",
        [Path.Combine("tests", "Cpvendor.SourceTests", "Cpvendor.SourceTests.csproj")] =
            "compares the synced store's rows with the panel database's",
        [Path.Combine("tests", "Cpvendor.HostTests", "Cpvendor.HostTests.csproj")] =
            "shares the integration tests' harness, which opens store files below the store's API",
    };

    [Fact]
    public void The_schema_yields_the_store_tables_the_scan_looks_for()
    {
        var tables = StoreTables();

        Assert.Contains("users", tables);
        Assert.Contains("hook_events", tables);
        Assert.Contains("pending_effects", tables);
        Assert.Contains("source", tables);
    }

    [Fact]
    public void No_source_file_outside_the_store_uses_SQLite_or_SQL_on_the_store_tables()
    {
        var sql = StoreSql(StoreTables());
        var offences = new List<string>();
        foreach (var file in ProductSources())
        {
            var code = WithoutComments(File.ReadAllText(file));
            var relative = Path.GetRelativePath(Root, file);
            foreach (Match m in SqliteName().Matches(code))
                offences.Add($"{relative}: {m.Value}");
            foreach (Match m in sql.Matches(code))
                offences.Add($"{relative}: SQL on the store: {m.Value}");
        }

        Assert.True(offences.Count == 0, "outside src/Cpvendor.Store:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void No_project_but_the_store_references_the_SQLite_packages_unless_allowed_for_a_reason()
    {
        var offences = new List<string>();
        foreach (var project in Directory.EnumerateFiles(Root, "*.csproj", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Root, project);
            if (relative.StartsWith("artifacts", StringComparison.Ordinal) || relative.StartsWith(StoreProject, StringComparison.Ordinal)
                || AllowedProjects.ContainsKey(relative))
            {
                continue;
            }

            foreach (Match m in SqlitePackage().Matches(File.ReadAllText(project)))
                offences.Add($"{relative}: {m.Value}");
        }

        Assert.True(offences.Count == 0, "projects referencing SQLite beside Cpvendor.Store:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void Every_allowed_project_exists_and_states_its_reason()
    {
        foreach (var (project, reason) in AllowedProjects)
        {
            Assert.True(File.Exists(Path.Combine(Root, project)), project);
            Assert.False(string.IsNullOrWhiteSpace(reason));
        }
    }

    [Fact]
    public void No_public_member_of_the_store_names_a_SQLite_type()
    {
        const BindingFlags members = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var offences = new List<string>();
        foreach (var type in typeof(PanelStore).Assembly.GetExportedTypes())
        {
            var named = new List<(string Where, Type Type)>();
            if (type.BaseType is { } parent)
                named.Add(("base type", parent));
            named.AddRange(type.GetInterfaces().Select(i => ("interface", i)));
            foreach (var member in type.GetMembers(members))
            {
                switch (member)
                {
                    case MethodBase method:
                        if (method is MethodInfo m)
                            named.Add((member.Name, m.ReturnType));
                        named.AddRange(method.GetParameters().Select(p => (member.Name, p.ParameterType)));
                        break;
                    case PropertyInfo property:
                        named.Add((member.Name, property.PropertyType));
                        break;
                    case FieldInfo field:
                        named.Add((member.Name, field.FieldType));
                        break;
                }
            }

            offences.AddRange(named.Where(n => Mentions(n.Type)).Select(n => $"{type.FullName}.{n.Where}: {n.Type}"));
        }

        Assert.True(offences.Count == 0, "public members of Cpvendor.Store naming SQLite:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void The_scan_finds_SQL_on_a_store_table_and_SQLite_types()
    {
        var sql = StoreSql(StoreTables());

        Assert.Matches(sql, "var q = \"SELECT id, effect FROM pending_effects ORDER BY id\";");
        Assert.Matches(sql, "command.Text = \"\"\"\n    UPDATE hook_events SET state = $s\n\"\"\";");
        Assert.Matches(SqliteName(), "using var c = new SqliteConnection(path);");
        Assert.DoesNotMatch(sql, "\"SELECT login FROM cpvendor_users\"");
        Assert.DoesNotMatch(sql, WithoutComments("// the users of the panel are read from the panel's views"));
    }

    /// <summary>Whether <paramref name="type"/>, its element type or a type argument comes from SQLite's libraries.</summary>
    private static bool Mentions(Type type)
    {
        if (type.HasElementType)
            return Mentions(type.GetElementType()!);
        if (type.IsGenericType && type.GetGenericArguments().Any(Mentions))
            return true;
        var space = type.Namespace ?? "";
        return space.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal) || space.StartsWith("SQLitePCL", StringComparison.Ordinal);
    }

    /// <summary>Every table the store's migrations create (or rename a table to).</summary>
    private static SortedSet<string> StoreTables()
    {
        var schema = File.ReadAllText(Path.Combine(Root, "src", "Cpvendor.Store", "Schema", "Migrations.cs"));
        var tables = new SortedSet<string>(StringComparer.Ordinal);
        foreach (Match m in CreatedTable().Matches(schema))
            tables.Add(m.Groups[1].Value);
        return tables;
    }

    /// <summary>A SQL statement naming one of <paramref name="tables"/> in the place of a table.</summary>
    private static Regex StoreSql(IEnumerable<string> tables) =>
        new(@"\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+[""`]?(?:" + string.Join('|', tables.Select(Regex.Escape)) + @")\b(?!\.)",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static IEnumerable<string> ProductSources() =>
        new[] { "src", "bench" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(Root, d), "*.cs", SearchOption.AllDirectories))
            .Where(f => !Path.GetRelativePath(Root, f).StartsWith(StoreProject, StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    /// <summary>The code without its line and block comments (documentation comments included).</summary>
    private static string WithoutComments(string code) => Comment().Replace(code, " ");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "cpvendor.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("no cpvendor.slnx above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?:CREATE TABLE (?:IF NOT EXISTS )?|RENAME TO )(\w+)", RegexOptions.CultureInvariant)]
    private static partial Regex CreatedTable();

    [GeneratedRegex(@"Microsoft\.Data\.Sqlite|SQLitePCL|\bSqlite(?:Connection|Command|Transaction|DataReader|Exception|Parameter|OpenMode|ConnectionStringBuilder)\b", RegexOptions.CultureInvariant)]
    private static partial Regex SqliteName();

    [GeneratedRegex(@"<(?:PackageReference|PackageVersion|NativeLibrary|Reference)\s[^>]*(?:sqlite)[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SqlitePackage();

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Comment();
}
