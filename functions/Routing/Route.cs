namespace Switchyard.Functions.Routing;

/// <summary>A registered route: its value and the names its captured parameters take.</summary>
internal sealed record Route<T>(string Pattern, T Value, IReadOnlyList<string> ParameterNames);
