using System.CommandLine;
using Switchyard.Core.Configuration.Flexible;

namespace Switchyard.Functions.Cli;

/// <summary>
/// <c>--settings DIR</c>, <c>--partials DIR</c>, <c>--templates DIR</c> and <c>--out FILE</c>: flexible configuration on
/// the command line. Any of them turns it on (as <c>FC_ENABLE</c> does), and each wins over its <c>FC_*</c> variable.
/// </summary>
internal sealed class FlexibleConfigFlags
{
    private readonly Option<string?> _settings = new("--settings")
    {
        Description = $"Render the configuration as a template, with the *.json files of this folder as its data ({FlexibleConfigOptions.SettingsVariable}).",
    };

    private readonly Option<string?> _partials = new("--partials")
    {
        Description = $"The folder include \"file\" reads from ({FlexibleConfigOptions.PartialsVariable}); turns templates on.",
    };

    private readonly Option<string?> _templates = new("--templates")
    {
        Description = $"The folder of *.tmpl sub-templates ({FlexibleConfigOptions.TemplatesVariable}); turns templates on.",
    };

    private readonly Option<string?> _out = new("--out")
    {
        Description = $"Keep the rendered JSON in this file ({FlexibleConfigOptions.OutputVariable}); turns templates on.",
    };

    /// <summary>Adds the four options to <paramref name="command"/>.</summary>
    public static FlexibleConfigFlags AddTo(Command command)
    {
        var flags = new FlexibleConfigFlags();
        command.Options.Add(flags._settings);
        command.Options.Add(flags._partials);
        command.Options.Add(flags._templates);
        command.Options.Add(flags._out);
        return flags;
    }

    /// <summary>The options the flags and the <c>FC_*</c> variables give together; null when neither turns templates on.</summary>
    public FlexibleConfigOptions? Resolve(ParseResult result, Func<string, string?> environment)
    {
        var settings = result.GetValue(_settings);
        var partials = result.GetValue(_partials);
        var templates = result.GetValue(_templates);
        var output = result.GetValue(_out);
        var flagged = settings is not null || partials is not null || templates is not null || output is not null;
        var options = FlexibleConfigOptions.FromEnvironment(environment) ?? (flagged ? FlexibleConfigOptions.FromVariables(environment) : null);
        return options is null ? null : options with
        {
            SettingsDirectory = settings ?? options.SettingsDirectory,
            PartialsDirectory = partials ?? options.PartialsDirectory,
            TemplatesDirectory = templates ?? options.TemplatesDirectory,
            OutputFile = output ?? options.OutputFile,
        };
    }
}
