namespace Switchyard.Core.Configuration.Flexible;

/// <summary>
/// Flexible configuration, as KrakenD's: the <c>-c</c> file is a Go template rendered with the settings files as its
/// data, then loaded as JSON. Null options (<see cref="FromEnvironment"/> without <c>FC_ENABLE</c>) load the file as
/// plain JSON.
/// </summary>
public sealed record FlexibleConfigOptions
{
    /// <summary>Any non-empty value (even <c>0</c>, as KrakenD reads it) turns flexible configuration on.</summary>
    public const string EnableVariable = "FC_ENABLE";

    public const string SettingsVariable = "FC_SETTINGS";

    public const string PartialsVariable = "FC_PARTIALS";

    public const string TemplatesVariable = "FC_TEMPLATES";

    public const string OutputVariable = "FC_OUT";

    /// <summary>
    /// The folder whose <c>*.json</c> files (not those of its subfolders) become the template's data, each under its file
    /// name without <c>.json</c>: <c>env.json</c> is <c>.env</c>. <value>The default value is null: no settings.</value>
    /// </summary>
    public string? SettingsDirectory { get; init; }

    /// <summary>
    /// The folder <c>include "file"</c> reads from, its text inserted as it is (not rendered).
    /// <value>The default value is null: names are read from the working directory.</value>
    /// </summary>
    public string? PartialsDirectory { get; init; }

    /// <summary>
    /// The folder whose <c>*.tmpl</c> files are parsed beside the configuration, each callable by its file name:
    /// <c>{{ template "endpoints.tmpl" . }}</c>. <value>The default value is null: no sub-templates.</value>
    /// </summary>
    public string? TemplatesDirectory { get; init; }

    /// <summary>Where the rendered JSON is kept. <value>The default value is null: it is not written anywhere.</value></summary>
    public string? OutputFile { get; init; }

    /// <summary>The options the <c>FC_*</c> variables give, or null when <c>FC_ENABLE</c> is unset or empty.</summary>
    public static FlexibleConfigOptions? FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return string.IsNullOrEmpty(environment(EnableVariable)) ? null : FromVariables(environment);
    }

    /// <summary>The <c>FC_*</c> folders and output file, whether or not <c>FC_ENABLE</c> is set (flags that turn it on use them).</summary>
    public static FlexibleConfigOptions FromVariables(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return new()
        {
            SettingsDirectory = NonEmpty(environment(SettingsVariable)),
            PartialsDirectory = NonEmpty(environment(PartialsVariable)),
            TemplatesDirectory = NonEmpty(environment(TemplatesVariable)),
            OutputFile = NonEmpty(environment(OutputVariable)),
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
