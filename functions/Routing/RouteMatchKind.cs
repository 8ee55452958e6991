namespace Switchyard.Functions.Routing;

/// <summary>What a <see cref="RouteTable{T}"/> lookup found.</summary>
public enum RouteMatchKind
{
    /// <summary>No route for this path under any method.</summary>
    NotFound,

    /// <summary>A route for this method and path.</summary>
    Found,

    /// <summary>The path exists, but only under other methods.</summary>
    MethodNotAllowed,

    /// <summary>The path exists once its trailing slash, its case or its dot segments are fixed.</summary>
    Redirect,
}
