using Switchyard.Core.Configuration;
using Switchyard.Core.Encoding;
using Switchyard.Core.Pipeline;
using Switchyard.Core.Telemetry;
using Switchyard.Core.Telemetry.OpenTelemetry;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Telemetry.Metrics;

/// <summary>
/// <c>krakend.proxy.duration</c> and <c>krakend.backend.duration</c> recorded by the pipes the factory builds, against
/// real loopback backends, with KrakenD's labels and the layer switches of <c>telemetry/opentelemetry</c>.
/// </summary>
public sealed class PipeStageMetricsTests : IAsyncLifetime
{
    private static readonly HttpMessageInvoker Client = BackendHttpClient.Create();

    // Each test's routes carry this, so measurements of tests running in parallel are told apart.
    private readonly string _unique = "m" + Guid.NewGuid().ToString("N")[..10];
    private TestBackend? _ok;
    private TestBackend? _missing;

    public async Task InitializeAsync()
    {
        _ok = await TestBackend.StartAsync("""{"name": "ada"}""");
        _missing = await TestBackend.StartAsync("""{"error": "no"}""", status: 404);
    }

    public async Task DisposeAsync()
    {
        await _ok!.DisposeAsync();
        await _missing!.DisposeAsync();
    }

    [Fact]
    public async Task The_pipe_and_each_backend_record_their_duration_with_krakends_labels_and_the_backends_status()
    {
        using var metrics = new RecordedMetrics(GatewayMetrics.MeterName);
        var endpoint = Endpoint(
            new BackendConfig { Host = [_ok!.Host], UrlPattern = "/users/{userId}?key=secret-in-pattern", Group = "user" },
            new BackendConfig { Host = [_missing!.Host], UrlPattern = "/orders", Method = "POST" });
        var telemetry = new OpenTelemetryOptions
        {
            Backend = new BackendLayerOptions { Metrics = BackendSignalOptionsAllOnWith(("team", "payments")) },
        };

        var response = await new ProxyFactory(Client, DecoderRegistry.Default, telemetry: telemetry).CreateEndpoint(endpoint)(Request(), default);
        response.IsComplete.Should().BeFalse("one backend failed");

        var proxy = metrics.Of("krakend.proxy.duration", ("http.route", $"/{_unique}/:userId")).Should().ContainSingle().Subject;
        proxy.Unit.Should().Be("s");
        proxy.Value.Should().BeGreaterThan(0).And.BeLessThan(30);
        proxy.Tags.Should().Equal(new Dictionary<string, string>
        {
            ["http.request.method"] = "GET", ["http.route"] = $"/{_unique}/:userId", ["error"] = "True", ["canceled"] = "False", ["complete"] = "False",
        });

        var backends = metrics.Of("krakend.backend.duration", ("krakend.endpoint.route", $"/{_unique}/:userId"));
        backends.Should().HaveCount(2).And.OnlyContain(m => m.Unit == "s" && m.Value > 0 && m["team"] == "payments");
        backends.Single(m => m["http.route"] == "/users/:userid").Tags.Should().Contain(new Dictionary<string, string>
        {
            ["http.request.method"] = "GET", ["krakend.endpoint.method"] = "GET", ["http.response.status_code"] = "200",
            ["error"] = "False", ["canceled"] = "False", ["complete"] = "True",
        });
        backends.Single(m => m["http.route"] == "/orders").Tags.Should().Contain(new Dictionary<string, string>
        {
            ["http.request.method"] = "POST", ["http.response.status_code"] = "404", ["error"] = "True", ["complete"] = "False",
        });
        metrics.All.SelectMany(m => m.Tags.Values).Should().NotContain(value => value.Contains("secret-in-pattern"), "a url_pattern's query never becomes a label");
    }

    [Fact]
    public async Task The_proxy_layers_disable_metrics_and_the_backends_disable_stage_each_switch_their_metric_off()
    {
        using var metrics = new RecordedMetrics(GatewayMetrics.MeterName);
        var quiet = Endpoint(new BackendConfig
        {
            Host = [_ok!.Host],
            UrlPattern = "/users/{userId}",
            TelemetryBackend = new BackendLayerOptions { Metrics = new BackendSignalOptions { DisableStage = true } },
        }) with { TelemetryProxy = new ProxyLayerOptions { DisableMetrics = true } };
        var loud = Endpoint(new BackendConfig { Host = [_ok.Host], UrlPattern = "/loud" }) with { Endpoint = $"/{_unique}/loud" };
        var telemetry = new OpenTelemetryOptions { Proxy = new ProxyLayerOptions { MetricsStaticAttributes = [new("zone", "eu")] } };
        var factory = new ProxyFactory(Client, DecoderRegistry.Default, telemetry: telemetry);

        (await factory.CreateEndpoint(quiet)(Request(), default)).IsComplete.Should().BeTrue();
        (await factory.CreateEndpoint(loud)(Request(), default)).IsComplete.Should().BeTrue();

        metrics.Of("krakend.proxy.duration", ("http.route", $"/{_unique}/:userId")).Should().BeEmpty("the endpoint's own proxy layer disables its metrics");
        metrics.Of("krakend.backend.duration", ("krakend.endpoint.route", $"/{_unique}/:userId")).Should().BeEmpty("the backend's own layer disables its stage");
        metrics.Of("krakend.proxy.duration", ("http.route", $"/{_unique}/loud")).Should().ContainSingle().Which["zone"].Should().Be("eu");
        metrics.Of("krakend.backend.duration", ("krakend.endpoint.route", $"/{_unique}/loud")).Should().ContainSingle();
    }

    [Fact]
    public async Task A_path_of_skip_paths_reports_nothing()
    {
        using var metrics = new RecordedMetrics(GatewayMetrics.MeterName);
        var endpoint = Endpoint(new BackendConfig { Host = [_ok!.Host], UrlPattern = "/users/{userId}" });
        var telemetry = new OpenTelemetryOptions { SkipPaths = [endpoint.Endpoint] };

        (await new ProxyFactory(Client, DecoderRegistry.Default, telemetry: telemetry).CreateEndpoint(endpoint)(Request(), default)).IsComplete.Should().BeTrue();

        metrics.All.Where(m => m.Tags.Values.Any(value => value.Contains(_unique))).Should().BeEmpty();
    }

    private static BackendSignalOptions BackendSignalOptionsAllOnWith((string Key, string Value) attribute) =>
        BackendSignalOptions.AllOn with { StaticAttributes = [new(attribute.Key, attribute.Value), new("", "skipped")] };

    private EndpointConfig Endpoint(params BackendConfig[] backends) => new() { Endpoint = $"/{_unique}/{{userId}}", Backends = backends };

    private static ProxyRequest Request() =>
        new() { Method = "GET", Path = "/x/42", Params = new Dictionary<string, string> { ["UserId"] = "42" } };
}
