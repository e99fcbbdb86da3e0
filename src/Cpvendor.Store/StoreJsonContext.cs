using System.Text.Json.Serialization;

namespace Cpvendor.Store;

[JsonSerializable(typeof(string[]))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
