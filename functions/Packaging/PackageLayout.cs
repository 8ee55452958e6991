namespace Switchyard.Functions.Packaging;

/// <summary>Where things go in a packaged function app (the zip's root is the app's root, <c>/home/site/wwwroot</c>).</summary>
internal static class PackageLayout
{
    public const string HostJson = "host.json";

    public const string FunctionJson = "function.json";

    /// <summary>The folder holding the published executable; the handler's working directory.</summary>
    public const string AppFolder = "app";

    /// <summary>The executable's file name, as the <c>functions</c> project names its assembly.</summary>
    public const string ExecutableName = "switchyard";

    /// <summary>The configuration's name inside <see cref="AppFolder"/>, the one the handler is started with.</summary>
    public const string ConfigName = "krakend.json";

    public const string LocalSettings = "local.settings.json";

    public const string BicepParameters = "main.parameters.json";

    /// <summary>The same parameters as <see cref="BicepParameters"/>, in Bicep's own format, naming <see cref="Template"/>.</summary>
    public const string BicepParamFile = "main.bicepparam";

    /// <summary>The folder holding a copy of the source tree's <c>bicep/</c> templates, so the parameters name the template they were written for.</summary>
    public const string TemplateFolder = "bicep";

    /// <summary>The template <see cref="BicepParamFile"/> is for, relative to the package's root.</summary>
    public const string Template = TemplateFolder + "/main.bicep";

    public const string Readme = "README.md";

    /// <summary>The executable's path from the app root, as <c>host.json</c> names it and the zip marks it executable.</summary>
    public const string Executable = AppFolder + "/" + ExecutableName;

    /// <summary>
    /// Files written beside the app for the developer, never deployed: <c>func</c> would refuse to publish
    /// <c>local.settings.json</c>, and the Bicep parameters and the notes are not part of the app (nor is
    /// <see cref="TemplateFolder"/>, see <see cref="IsLocalOnly"/>).
    /// </summary>
    public static readonly IReadOnlySet<string> LocalOnlyFiles = new HashSet<string>(StringComparer.Ordinal)
    {
        LocalSettings,
        BicepParameters,
        BicepParamFile,
        Readme,
    };

    /// <summary>Whether the file at <paramref name="path"/> (from the root, <c>/</c>-separated) stays out of the deployed app.</summary>
    public static bool IsLocalOnly(string path) =>
        LocalOnlyFiles.Contains(path) || path.StartsWith(TemplateFolder + "/", StringComparison.Ordinal);

    /// <summary>The <c>function.json</c> of the function <paramref name="name"/>, relative to the app root.</summary>
    public static string FunctionJsonOf(string name) => name + "/" + FunctionJson;
}
