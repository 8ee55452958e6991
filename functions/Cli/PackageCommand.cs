using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;
using Switchyard.Functions.Packaging;
using Switchyard.Functions.Serverless;

namespace Switchyard.Functions.Cli;

/// <summary>
/// <c>switchyard package -c FILE -o DIR [--zip] [--no-publish] [--project PATH] [--app-name NAME]</c>: writes a
/// deployable Azure Functions custom-handler app for a configuration (see <see cref="FunctionAppPackage"/>), and with
/// <c>--zip</c> <c>DIR.zip</c> beside it. The configuration is validated first: on any error nothing is written.
/// </summary>
internal static class PackageCommand
{
    public const string DefaultAppName = "switchyard";

    public static Command Create()
    {
        var config = ConfigFileOption.Create();
        var output = new Option<string>("--output", "-o") { Description = "The folder to write the function app to.", Required = true };
        var zip = new Option<bool>("--zip") { Description = "Also write <output>.zip, ready for az functionapp deployment." };
        var noPublish = new Option<bool>("--no-publish") { Description = "Leave out the published executable (app/ then holds only the configuration)." };
        var project = new Option<string?>("--project") { Description = "The Switchyard source tree to publish from (default: found above the working directory or this executable)." };
        var appName = new Option<string>("--app-name") { Description = $"The appName written to main.parameters.json and main.bicepparam (default: {DefaultAppName})." };
        var command = new Command("package", "Write a deployable Azure Functions app (custom handler) for a configuration.")
        {
            config, output, zip, noPublish, project, appName,
        };
        command.SetAction((result, cancellationToken) => PackageAsync(
            new PackageRequest(
                ConfigFileOption.Resolve(result.GetValue(config)),
                result.GetValue(output)!,
                result.GetValue(zip),
                !result.GetValue(noPublish),
                result.GetValue(project),
                result.GetValue(appName) ?? DefaultAppName),
            Console.Out,
            Console.Error,
            cancellationToken));
        return command;
    }

    public static async Task<int> PackageAsync(PackageRequest request, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        // The function app runs in the configuration's folder (app/): relative TLS paths are checked from there, and tls
        // itself is left to the platform.
        var configDirectory = Path.GetDirectoryName(Path.GetFullPath(request.ConfigPath));
        var (loaded, tls) = TlsFileCheck.Apply(FunctionsHostTls.Refuse(ConfigLoader.LoadFile(request.ConfigPath)), serveHttps: false, configDirectory);
        tls?.Dispose();
        ConfigReport.Write(loaded, request.ConfigPath, errors);
        if (loaded.Config is not { } config)
        {
            await errors.WriteLineAsync($"{request.ConfigPath}: nothing was packaged.").ConfigureAwait(false);
            return 1;
        }

        if (SourceTree.Find(request.Project) is not { } tree)
        {
            await errors.WriteLineAsync(
                $"error: no Switchyard source tree (with {SourceTree.ProjectPath}, {PackageLayout.HostJson} and {PackageLayout.TemplateFolder}/) found"
                + (request.Project is null ? " above the working directory: give --project" : $" at {request.Project}")).ConfigureAwait(false);
            return 1;
        }

        if (ReadTemplate(tree) is not { } template)
        {
            await errors.WriteLineAsync($"error: {tree.HostTemplate} is not a JSON object").ConfigureAwait(false);
            return 1;
        }

        var package = FunctionAppPackage.Create(config, template, request.AppName);
        foreach (var note in package.Notes)
        {
            await errors.WriteLineAsync($"note: {note}").ConfigureAwait(false);
        }

        foreach (var warning in package.Warnings)
        {
            await errors.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
        }

        foreach (var error in package.Errors)
        {
            await errors.WriteLineAsync($"error: {error}").ConfigureAwait(false);
        }

        if (package.Errors.Count > 0)
        {
            await errors.WriteLineAsync($"{request.ConfigPath}: nothing was packaged.").ConfigureAwait(false);
            return 1;
        }

        var publishProject = request.Publish ? tree.Project : null;
        if (await PackageWriter.WriteAsync(package, request.ConfigPath, request.Output, tree.Templates, publishProject, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            await errors.WriteLineAsync($"error: {failure}").ConfigureAwait(false);
            return 1;
        }

        var directory = Path.GetFullPath(request.Output);
        await output.WriteLineAsync($"packaged {package.Functions.Count} function(s) into {directory}: {string.Join(", ", package.Functions)}"
            + (request.Publish ? "" : " (without the executable: --no-publish)")).ConfigureAwait(false);
        if (request.Zip)
        {
            var zipPath = Path.TrimEndingDirectorySeparator(directory) + ".zip";
            PackageZip.Create(directory, zipPath);
            await output.WriteLineAsync($"zipped into {zipPath}").ConfigureAwait(false);
        }

        return 0;
    }

    private static JsonObject? ReadTemplate(SourceTree tree)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(tree.HostTemplate)) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>The arguments of <c>switchyard package</c>.</summary>
internal sealed record PackageRequest(string ConfigPath, string Output, bool Zip, bool Publish, string? Project, string AppName);
