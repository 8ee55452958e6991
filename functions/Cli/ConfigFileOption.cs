using System.CommandLine;

namespace Switchyard.Functions.Cli;

/// <summary>The <c>-c/--config</c> option and where the default configuration is found.</summary>
internal static class ConfigFileOption
{
    public const string DefaultPath = "examples/krakend.json";

    public static Option<string> Create() => new("--config", "-c")
    {
        Description = $"The krakend.json to load (default: {DefaultPath}).",
    };

    /// <summary>
    /// The file to load: the given one, or the default relative to the working directory, else the copy shipped
    /// beside the executable (so the packaged app finds it wherever it is started from).
    /// </summary>
    public static string Resolve(string? path)
    {
        if (!string.IsNullOrEmpty(path))
        {
            return path;
        }

        return File.Exists(DefaultPath) ? DefaultPath : Path.Combine(AppContext.BaseDirectory, DefaultPath);
    }
}
