using Switchyard.Templates;
using Switchyard.Templates.Sprig;

namespace Switchyard.Core.Tests.Templates.Sprig;

/// <summary>Calls a served Sprig function by name, as the template executor calls it, with a fixed environment.</summary>
internal static class SprigCall
{
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["HOME"] = "/home/switchyard",
        ["PORT"] = "8080",
    };

    private static readonly TemplateFunctions Functions = Create();

    public static object? Call(string name, params object?[] arguments)
    {
        Functions.TryGet(name, out var function).Should().BeTrue($"{name} is served");
        return function!(arguments);
    }

    /// <summary>The message of the failure the call throws.</summary>
    public static string Failure(string name, params object?[] arguments)
    {
        var call = () => Call(name, arguments);
        return call.Should().Throw<TemplateFunctionException>().Which.Message;
    }

    public static List<object?> List(params object?[] items) => [.. items];

    public static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(entry => entry.Key, entry => entry.Value);

    private static TemplateFunctions Create()
    {
        var functions = new TemplateFunctions();
        SprigFunctions.AddTo(functions, name => Environment.GetValueOrDefault(name));
        return functions;
    }
}
