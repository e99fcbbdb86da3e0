using System.Text.Json.Serialization;

namespace Cpvendor.Store;

[JsonSerializable(typeof(string[]))]
[JsonSerializable(typeof(long[]))]
internal sealed partial class StoreJsonContext : JsonSerializerContext;
