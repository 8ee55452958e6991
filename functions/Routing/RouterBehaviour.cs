namespace Switchyard.Functions.Routing;

/// <summary>
/// How a <see cref="RouteTable{T}"/> answers a request that matches no route exactly, as gin's engine switches do. The
/// defaults are KrakenD's: both redirects and 405 on, extra slashes kept.
/// </summary>
/// <param name="RedirectTrailingSlash">Redirect <c>/a/</c> to <c>/a</c> (or the reverse) when only the other exists.</param>
/// <param name="RedirectFixedPath">
/// Redirect to the route that matches once the path is cleaned and compared ignoring case (a missing or extra trailing
/// slash included, so turning trailing-slash redirects off alone keeps them).
/// </param>
/// <param name="HandleMethodNotAllowed">Answer 405 when another method has the path; 404 otherwise.</param>
/// <param name="RemoveExtraSlash">Clean the path (<c>//</c>, <c>.</c>, <c>..</c>) before looking it up.</param>
public sealed record RouterBehaviour(
    bool RedirectTrailingSlash = true,
    bool RedirectFixedPath = true,
    bool HandleMethodNotAllowed = true,
    bool RemoveExtraSlash = false)
{
    /// <summary>KrakenD's defaults.</summary>
    public static RouterBehaviour Default { get; } = new();
}
