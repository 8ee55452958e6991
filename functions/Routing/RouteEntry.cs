namespace Switchyard.Functions.Routing;

/// <summary>One route of a <see cref="RouteTable{T}"/>: a method, a path pattern and what it leads to.</summary>
/// <param name="Method">
/// <c>GET</c>, <c>POST</c>, <c>PUT</c>, <c>PATCH</c>, <c>DELETE</c>, or <see cref="RouteMethods.Any"/> for a
/// built-in endpoint that answers every method.
/// </param>
/// <param name="Pattern">
/// A path starting with <c>/</c>. A segment written <c>{name}</c> is a parameter; a final <c>/*</c> catches
/// everything below it. Matching is case-sensitive.
/// </param>
/// <param name="Value">What a matching request is dispatched to.</param>
public readonly record struct RouteEntry<T>(string Method, string Pattern, T Value);
