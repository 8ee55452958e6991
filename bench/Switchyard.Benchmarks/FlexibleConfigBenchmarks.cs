using BenchmarkDotNet.Attributes;
using Switchyard.Core.Configuration;
using Switchyard.Core.Configuration.Flexible;

namespace Switchyard.Benchmarks;

/// <summary>
/// What a templated configuration costs at start-up: KrakenD's playground (tests/.../Cli/Flexible/playground) rendered
/// as <c>run</c> renders it — settings files read, the template and its sub-templates read and parsed, executed with
/// partials included — then loaded, against loading the same configuration written by hand as plain JSON.
/// </summary>
[MemoryDiagnoser]
public class FlexibleConfigBenchmarks
{
    private string _template = "";
    private FlexibleConfigOptions _options = null!;
    private string _byHand = "";

    [GlobalSetup]
    public void Setup()
    {
        var playground = Path.Combine(RepositoryRoot(), "tests", "Switchyard.Functions.Tests", "Cli", "Flexible", "playground");
        _template = Path.Combine(playground, "krakend-flexible-config.tmpl");
        _options = new FlexibleConfigOptions
        {
            SettingsDirectory = Path.Combine(playground, "settings", "dev"),
            PartialsDirectory = Path.Combine(playground, "partials"),
            TemplatesDirectory = Path.Combine(playground, "templates"),
        };
        _byHand = File.ReadAllText(Path.Combine(playground, "krakend.by-hand.json"))
            .Replace("HOST_CASE", "http://case", StringComparison.Ordinal)
            .Replace("JWK_URL", "https://keycloak/auth/realms/default/protocol/openid-connect/certs", StringComparison.Ordinal);
        if (Render().Json is null || Load().Config is null || ConfigLoader.Parse(_byHand).Config is null)
        {
            throw new InvalidOperationException("the playground does not render to a valid configuration");
        }
    }

    [Benchmark(Baseline = true, Description = "plain JSON written by hand, loaded")]
    public ConfigLoadResult LoadByHand() => ConfigLoader.Parse(_byHand);

    [Benchmark(Description = "template rendered (settings, parse, execute)")]
    public FlexibleRendering Render() => FlexibleConfigRenderer.Render(_template, _options, Environment.GetEnvironmentVariable);

    [Benchmark(Description = "template rendered and loaded")]
    public ConfigLoadResult Load() => FlexibleConfigLoader.LoadFile(_template, _options, Environment.GetEnvironmentVariable);

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no Serverless.sln above {AppContext.BaseDirectory}");
    }
}
