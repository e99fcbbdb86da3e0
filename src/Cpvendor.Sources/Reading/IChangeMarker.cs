namespace Cpvendor.Sources.Reading;

/// <summary>A source that can tell cheaply whether anything changed since the last sync.</summary>
internal interface IChangeMarker
{
    /// <summary>An opaque token that changes whenever this host's data may have changed; null when the source cannot tell.</summary>
    string? ReadMarker(string? server);
}
