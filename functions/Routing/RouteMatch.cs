namespace Switchyard.Functions.Routing;

/// <summary>The answer of <see cref="RouteTable{T}.Match"/>. A struct: a lookup allocates only the parameters it found.</summary>
public readonly struct RouteMatch<T>
{
    private RouteMatch(RouteMatchKind kind, T? value, IReadOnlyList<KeyValuePair<string, string>> parameters, string? location, int redirectStatus, string? allow)
    {
        Kind = kind;
        Value = value;
        Parameters = parameters;
        Location = location;
        RedirectStatus = redirectStatus;
        Allow = allow;
    }

    /// <summary>What the lookup found.</summary>
    public RouteMatchKind Kind { get; }

    /// <summary>The matched route's value when <see cref="Kind"/> is <see cref="RouteMatchKind.Found"/>.</summary>
    public T? Value { get; }

    /// <summary>
    /// The path parameters in pattern order, named as written in the pattern (<c>{id}</c> gives <c>id</c>). A final
    /// <c>/*</c> is named <c>*</c> and holds the rest of the path from its slash (<c>/a/b</c>), as gin does.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters { get; }

    /// <summary>Where a <see cref="RouteMatchKind.Redirect"/> points: the fixed, escaped path and the request's query.</summary>
    public string? Location { get; }

    /// <summary>301 for GET, 307 for every other method (which must repeat its body).</summary>
    public int RedirectStatus { get; }

    /// <summary>The methods that do have the path, for the <c>Allow</c> header of a 405.</summary>
    public string? Allow { get; }

    internal static RouteMatch<T> NotFound => new(RouteMatchKind.NotFound, default, [], null, 0, null);

    internal static RouteMatch<T> Found(T value, IReadOnlyList<KeyValuePair<string, string>> parameters) =>
        new(RouteMatchKind.Found, value, parameters, null, 0, null);

    internal static RouteMatch<T> MethodNotAllowed(string allow) =>
        new(RouteMatchKind.MethodNotAllowed, default, [], null, 0, allow);

    internal static RouteMatch<T> Redirect(string location, int status) =>
        new(RouteMatchKind.Redirect, default, [], location, status, null);
}
