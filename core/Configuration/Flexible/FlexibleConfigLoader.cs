namespace Switchyard.Core.Configuration.Flexible;

/// <summary>
/// Loads the <c>-c</c> file: as plain JSON without flexible configuration, else rendered first
/// (<see cref="FlexibleConfigRenderer"/>), the rendered text kept in the output file when one is named, then loaded as
/// JSON. The result carries the rendered text, so its errors (whose positions are in that text) can be read against it.
/// </summary>
public static class FlexibleConfigLoader
{
    public static ConfigLoadResult LoadFile(string path, FlexibleConfigOptions? options, Func<string, string?> environment)
    {
        if (options is null)
        {
            return ConfigLoader.LoadFile(path);
        }

        var rendering = FlexibleConfigRenderer.Render(path, options, environment);
        if (rendering.Json is not { } json)
        {
            return new ConfigLoadResult { Errors = rendering.Errors };
        }

        if (options.OutputFile is { } output && Keep(output, json) is { } problem)
        {
            return new ConfigLoadResult { Errors = [problem], RenderedJson = json };
        }

        return ConfigLoader.Parse(json) with
        {
            RenderedJson = json,
            RenderedFile = options.OutputFile,
            RenderedNoValues = [.. rendering.NoValues.Select(noValue => noValue.ToString())],
        };
    }

    private static ConfigProblem? Keep(string output, string json)
    {
        try
        {
            File.WriteAllText(output, json);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new ConfigProblem(output, $"cannot write the rendered configuration ({FlexibleConfigOptions.OutputVariable}, --out): {e.Message}");
        }
    }
}
