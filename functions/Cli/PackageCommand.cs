using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Switchyard.Core.Configuration.Flexible;
using Switchyard.Core.Durable;
using Switchyard.Functions.Durable;
using Switchyard.Functions.Packaging;
using Switchyard.Functions.Serverless;

namespace Switchyard.Functions.Cli;

/// <summary>
/// <c>switchyard package -c FILE -o DIR [--zip] [--no-publish] [--runtime aot|r2r] [--project PATH] [--app-name NAME]</c>:
/// writes a deployable Azure Functions custom-handler app for a configuration (see <see cref="FunctionAppPackage"/>), and
/// with <c>--zip</c> <c>DIR.zip</c> beside it. The configuration is validated first: on any error nothing is written. The
/// executable is Native AOT unless <c>--runtime r2r</c> asks for ReadyToRun or the configuration has durable pipes, which
/// a Native AOT build cannot run (<see cref="NativeAotDurable"/>): those are published ReadyToRun, and <c>package</c> says so.
/// A flexible configuration (<c>FC_ENABLE</c>, <c>--settings</c> ...) is rendered here, once: the app ships the rendered
/// <c>krakend.json</c> and needs no template, settings or partial at run time.
/// </summary>
internal static class PackageCommand
{
    public const string DefaultAppName = "switchyard";

    private const string NativeAotName = "aot";

    private const string ReadyToRunName = "r2r";

    public static Command Create()
    {
        var config = ConfigFileOption.Create();
        var output = new Option<string>("--output", "-o") { Description = "The folder to write the function app to.", Required = true };
        var zip = new Option<bool>("--zip") { Description = "Also write <output>.zip, ready for az functionapp deployment." };
        var noPublish = new Option<bool>("--no-publish") { Description = "Leave out the published executable (app/ then holds only the configuration)." };
        var project = new Option<string?>("--project") { Description = "The Switchyard source tree to publish from (default: found above the working directory or this executable)." };
        var appName = new Option<string>("--app-name") { Description = $"The appName written to main.parameters.json and main.bicepparam (default: {DefaultAppName})." };
        var runtime = new Option<string?>("--runtime")
        {
            Description = $"How the executable is compiled: {NativeAotName} (Native AOT, the default) or {ReadyToRunName} (ReadyToRun; "
                + "the default for a configuration with durable pipes).",
        };
        runtime.AcceptOnlyFromAmong(NativeAotName, ReadyToRunName);
        var command = new Command("package", "Write a deployable Azure Functions app (custom handler) for a configuration.")
        {
            config, output, zip, noPublish, runtime, project, appName,
        };
        var flexible = FlexibleConfigFlags.AddTo(command);
        command.SetAction((result, cancellationToken) => PackageAsync(
            new PackageRequest(
                ConfigFileOption.Resolve(result.GetValue(config)),
                result.GetValue(output)!,
                result.GetValue(zip),
                !result.GetValue(noPublish),
                result.GetValue(project),
                result.GetValue(appName) ?? DefaultAppName,
                result.GetValue(runtime) switch
                {
                    NativeAotName => AppRuntime.NativeAot,
                    ReadyToRunName => AppRuntime.ReadyToRun,
                    _ => null,
                },
                flexible.Resolve(result, Environment.GetEnvironmentVariable)),
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
        var (loaded, tls) = TlsFileCheck.Apply(FunctionsHostTls.Refuse(FlexibleConfigLoader.LoadFile(request.ConfigPath, request.Flexible, Environment.GetEnvironmentVariable)), serveHttps: false, configDirectory);
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

        var durable = new DurablePipes(config).Any;
        var runtime = request.Runtime ?? (durable ? AppRuntime.ReadyToRun : AppRuntime.NativeAot);
        if (durable && runtime == AppRuntime.NativeAot)
        {
            await errors.WriteLineAsync($"error: --runtime {NativeAotName}: the configuration has durable pipes, and {NativeAotDurable.Reason}; "
                + $"leave out --runtime (or give {ReadyToRunName}) to publish ReadyToRun").ConfigureAwait(false);
            await errors.WriteLineAsync($"{request.ConfigPath}: nothing was packaged.").ConfigureAwait(false);
            return 1;
        }

        if (durable && request.Runtime is null && request.Publish)
        {
            await errors.WriteLineAsync($"note: runtime: ReadyToRun, not Native AOT, because the configuration has durable pipes: {NativeAotDurable.Reason}")
                .ConfigureAwait(false);
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
        if (await PackageWriter.WriteAsync(package, new PackagedConfig(request.ConfigPath, loaded.RenderedJson), request.Output, tree.Templates, publishProject, runtime, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            await errors.WriteLineAsync($"error: {failure}").ConfigureAwait(false);
            return 1;
        }

        var directory = Path.GetFullPath(request.Output);
        await output.WriteLineAsync($"packaged {package.Functions.Count} function(s) into {directory}: {string.Join(", ", package.Functions)}"
            + (request.Publish ? $" ({RuntimeText(runtime)})" : " (without the executable: --no-publish)")).ConfigureAwait(false);
        if (request.Zip)
        {
            var zipPath = Path.TrimEndingDirectorySeparator(directory) + ".zip";
            PackageZip.Create(directory, zipPath);
            await output.WriteLineAsync($"zipped into {zipPath}").ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>How the executable was compiled, with what the host needs to run it (the AOT link uses DT_RELR: see the project file).</summary>
    private static string RuntimeText(AppRuntime runtime) => runtime == AppRuntime.NativeAot
        ? $"Native AOT, for glibc 2.36 or newer (Debian 12, Ubuntu 22.10); --runtime {ReadyToRunName} for an older host"
        : "ReadyToRun";

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
/// <param name="Runtime">How the executable is compiled; null chooses (Native AOT, ReadyToRun for durable pipes).</param>
/// <param name="Flexible">Flexible configuration, or null to read the file as JSON.</param>
internal sealed record PackageRequest(
    string ConfigPath, string Output, bool Zip, bool Publish, string? Project, string AppName, AppRuntime? Runtime = null,
    FlexibleConfigOptions? Flexible = null);
