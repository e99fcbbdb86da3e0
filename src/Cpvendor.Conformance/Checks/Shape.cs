using System.Text.Json;

namespace Cpvendor.Conformance.Checks;

internal enum ShapeKind
{
    Object,
    Array,
    Map,
    String,
    Integer,
    Boolean,
}

internal enum SchemaProblemKind
{
    /// <summary>A key of the schema is absent (null was due).</summary>
    Missing,

    /// <summary>A key the schema does not have.</summary>
    Extra,

    /// <summary>A value of the wrong JSON type, or null where the schema forbids it.</summary>
    Type,
}

internal sealed record SchemaProblem(SchemaProblemKind Kind, string Path, string Detail);

internal sealed record Field(string Name, Shape Shape, bool Nullable = false);

/// <summary>
/// A strict schema of a JSON value (docs/contract.md section 3): objects list every key they must carry
/// and may carry nothing else, except keys another check owns (<see cref="OwnedElsewhere"/>).
/// </summary>
internal sealed record Shape(ShapeKind Kind, IReadOnlyList<Field>? Fields = null, Shape? Element = null, IReadOnlyList<string>? OwnedElsewhere = null)
{
    public static readonly Shape Str = new(ShapeKind.String);
    public static readonly Shape Int = new(ShapeKind.Integer);
    public static readonly Shape Bool = new(ShapeKind.Boolean);

    public static Shape Object(params Field[] fields) => new(ShapeKind.Object, fields);

    public static Shape ArrayOf(Shape element) => new(ShapeKind.Array, Element: element);

    public static Shape MapOf(Shape element) => new(ShapeKind.Map, Element: element);

    public List<SchemaProblem> Validate(JsonElement value)
    {
        var problems = new List<SchemaProblem>();
        Validate(value, this, "data", problems);
        return problems;
    }

    private static void Validate(JsonElement value, Shape shape, string path, List<SchemaProblem> problems)
    {
        switch (shape.Kind)
        {
            case ShapeKind.Object:
                if (!Expect(value, JsonValueKind.Object, "an object", path, problems))
                    return;
                foreach (var field in shape.Fields!)
                {
                    var fieldPath = $"{path}.{field.Name}";
                    if (!value.TryGetProperty(field.Name, out var member))
                        problems.Add(new(SchemaProblemKind.Missing, fieldPath, $"{fieldPath} is missing{(field.Nullable ? " (send null when there is no value)" : "")}"));
                    else if (member.ValueKind == JsonValueKind.Null)
                    {
                        if (!field.Nullable)
                            problems.Add(new(SchemaProblemKind.Type, fieldPath, $"{fieldPath} is null but may not be"));
                    }
                    else
                    {
                        Validate(member, field.Shape, fieldPath, problems);
                    }
                }

                foreach (var property in value.EnumerateObject())
                {
                    if (shape.Fields!.All(f => f.Name != property.Name) && shape.OwnedElsewhere?.Contains(property.Name) != true)
                        problems.Add(new(SchemaProblemKind.Extra, $"{path}.{property.Name}", $"{path}.{property.Name} is not in the schema"));
                }

                break;
            case ShapeKind.Array:
                if (!Expect(value, JsonValueKind.Array, "an array", path, problems))
                    return;
                var index = 0;
                foreach (var item in value.EnumerateArray())
                    Validate(item, shape.Element!, $"{path}[{index++}]", problems);
                break;
            case ShapeKind.Map:
                if (!Expect(value, JsonValueKind.Object, "an object", path, problems))
                    return;
                foreach (var property in value.EnumerateObject())
                    Validate(property.Value, shape.Element!, $"{path}[\"{property.Name}\"]", problems);
                break;
            case ShapeKind.String:
                Expect(value, JsonValueKind.String, "a string", path, problems);
                break;
            case ShapeKind.Integer:
                if (value.ValueKind != JsonValueKind.Number || !(value.TryGetInt64(out _) || value.TryGetUInt64(out _)))
                    problems.Add(new(SchemaProblemKind.Type, path, $"{path} is {Describe(value)}, not an integer"));
                break;
            case ShapeKind.Boolean:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    problems.Add(new(SchemaProblemKind.Type, path, $"{path} is {Describe(value)}, not true or false"));
                break;
        }
    }

    private static bool Expect(JsonElement value, JsonValueKind kind, string name, string path, List<SchemaProblem> problems)
    {
        if (value.ValueKind == kind)
            return true;
        problems.Add(new(SchemaProblemKind.Type, path, $"{path} is {Describe(value)}, not {name}"));
        return false;
    }

    private static string Describe(JsonElement value) => value.ValueKind == JsonValueKind.Null
        ? "null"
        : $"{Running.Answer.Kind(value)} {Json.Short(value, 40)}";
}
