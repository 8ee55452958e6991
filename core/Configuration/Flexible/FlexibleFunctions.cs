using Switchyard.Templates;
using Switchyard.Templates.Sprig;

namespace Switchyard.Core.Configuration.Flexible;

/// <summary>
/// The functions a flexible configuration's templates call: Go's built-ins, Sprig's (<see cref="SprigFunctions"/>) and
/// KrakenD's two: <c>marshal</c> (Go's <c>json.Marshal</c>: compact, sorted keys, <c>&lt;&gt;&amp;</c> escaped) and
/// <c>include "file"</c> (the file's text from the partials folder, inserted as it is, not rendered).
/// </summary>
internal static class FlexibleFunctions
{
    public static TemplateFunctions Create(string? partialsDirectory, Func<string, string?> environment)
    {
        var functions = TemplateFunctions.Builtins();
        SprigFunctions.AddTo(functions, environment);
        functions.Add("marshal", Marshal);
        functions.Add("include", arguments => Include(partialsDirectory, arguments));
        return functions;
    }

    // KrakenD ignores the encoder's error and writes nothing; so does this.
    private static object? Marshal(IReadOnlyList<object?> arguments) =>
        arguments.Count == 1 ? GoJson.Marshal(arguments[0]) ?? ""
            : throw new TemplateFunctionException($"wrong number of args for marshal: want 1 got {arguments.Count}");

    // KrakenD inserts nothing for a partial it cannot read; a missing partial is an error here, at the include's position.
    private static object? Include(string? partialsDirectory, IReadOnlyList<object?> arguments)
    {
        if (arguments is not [string name])
        {
            throw new TemplateFunctionException("include takes one file name");
        }

        // Joined as Go's path.Join joins: a rooted name stays inside the partials folder.
        var path = partialsDirectory is null ? name : Path.Join(partialsDirectory, name);
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new TemplateFunctionException($"cannot read the partial {path} ({FlexibleConfigOptions.PartialsVariable}, --partials): {e.Message}");
        }
    }
}
