using System.Text.Json.Serialization;
using Cpvendor.Panel.Tokens;

namespace Cpvendor.Panel;

// Source-generated serialisation of what this library stores: hook argument vectors, token records.
[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(TokenRecord))]
internal sealed partial class PanelJsonContext : JsonSerializerContext;
