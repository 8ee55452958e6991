namespace Switchyard.Functions.Routing;

/// <summary>The methods a <see cref="RouteTable{T}"/> accepts.</summary>
public static class RouteMethods
{
    /// <summary>The method of an entry that answers every method, as the built-in debug and echo endpoints do.</summary>
    public const string Any = "*";

    /// <summary>The method of the router's own <c>auto_options</c> answers; no endpoint may declare it.</summary>
    public const string Options = "OPTIONS";

    /// <summary>The methods an endpoint may declare; KrakenD's router accepts no others.</summary>
    public static IReadOnlyList<string> Endpoint { get; } = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>
    /// What an <see cref="Any"/> entry is registered for, in gin's order. A request with another method finds no
    /// route of its own and is answered 405 when the path exists.
    /// </summary>
    internal static IReadOnlyList<string> AnyExpansion { get; } =
        ["GET", "POST", "PUT", "PATCH", "HEAD", "OPTIONS", "DELETE", "CONNECT", "TRACE"];
}
