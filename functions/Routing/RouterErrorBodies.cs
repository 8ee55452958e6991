namespace Switchyard.Functions.Routing;

/// <summary>
/// The router's <c>error_body</c>: JSON documents answered instead of gin's plain-text 404 and 405 bodies; null keeps
/// the plain text.
/// </summary>
/// <param name="NotFound">The JSON of the 404 answer.</param>
/// <param name="MethodNotAllowed">The JSON of the 405 answer.</param>
public sealed record RouterErrorBodies(ReadOnlyMemory<byte>? NotFound = null, ReadOnlyMemory<byte>? MethodNotAllowed = null)
{
    /// <summary>gin's plain-text bodies.</summary>
    public static RouterErrorBodies Plain { get; } = new();
}
