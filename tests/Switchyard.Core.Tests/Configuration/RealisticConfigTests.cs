using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration;

/// <summary>A file as users write it loads into exactly the expected records.</summary>
public sealed class RealisticConfigTests
{
    private const string File = """
        {
          "$schema": "https://www.krakend.io/schema/v3.json",
          "version": 3,
          "name": "Orders gateway",
          "port": 8080,
          "timeout": "3s",
          "cache_ttl": "300s",
          "host": ["http://catalog:8000"],
          "extra_config": {
            "router": { "return_error_msg": true }
          },
          "endpoints": [
            {
              "@comment": "Looks the customer up, then their orders",
              "endpoint": "/customers/{id}/orders",
              "input_headers": ["authorization"],
              "extra_config": {
                "proxy": {
                  "sequential": true,
                  "static": { "strategy": "incomplete", "data": { "orders": [] } }
                }
              },
              "backend": [
                {
                  "url_pattern": "/customers/{id}",
                  "allow": ["id", "account"],
                  "group": "customer"
                },
                {
                  "host": ["orders.internal:9000"],
                  "url_pattern": "/accounts/{resp0_customer.account}/orders",
                  "is_collection": true,
                  "mapping": { "collection": "orders" },
                  "extra_config": {
                    "backend/http": { "return_error_details": "orders_error" }
                  }
                }
              ]
            },
            {
              "endpoint": "/orders",
              "method": "post",
              "timeout": "1500ms",
              "output_encoding": "no-op",
              "backend": [
                { "host": ["https://orders.internal/"], "url_pattern": "orders", "encoding": "json" }
              ]
            },
          ]
        }
        """;

    private readonly ServiceConfig _config = LoadValid(File);

    [Fact]
    public void The_service_holds_the_root_values()
    {
        _config.Version.Should().Be(3);
        _config.Port.Should().Be(8080);
        _config.Timeout.Should().Be(TimeSpan.FromSeconds(3));
        _config.CacheTtl.Should().Be(TimeSpan.FromMinutes(5));
        _config.OutputEncoding.Should().Be("json");
        _config.Host.Should().Equal("http://catalog:8000");
        _config.Router.Should().Be(new RouterOptions { ReturnErrorMessage = true });
        _config.ExtraConfig.ToJsonString().Should().Be("""{"router":{"return_error_msg":true}}""");
        _config.Endpoints.Select(e => e.Endpoint).Should().Equal("/customers/{id}/orders", "/orders");
    }

    [Fact]
    public void The_sequential_endpoint_holds_its_values_and_the_cascaded_ones()
    {
        var endpoint = _config.Endpoints[0];

        endpoint.Should().BeEquivalentTo(
            new
            {
                Endpoint = "/customers/{id}/orders",
                Method = "GET",
                Timeout = TimeSpan.FromSeconds(3),
                CacheTtl = TimeSpan.FromMinutes(5),
                ConcurrentCalls = 1,
                OutputEncoding = "json",
                InputHeaders = new[] { "Authorization" },
                InputQueryStrings = Array.Empty<string>(),
                JsonPath = "endpoints[0]",
            });
        endpoint.Proxy.Sequential.Should().BeTrue();
        endpoint.Proxy.Static!.Strategy.Should().Be(StaticStrategy.Incomplete);
        endpoint.Proxy.Static.Data.ToJsonString().Should().Be("""{"orders":[]}""");
        endpoint.Proxy.FlatmapFilter.Should().BeEmpty();
    }

    [Fact]
    public void The_sequential_backends_hold_their_values_and_the_cascaded_ones()
    {
        var customer = _config.Endpoints[0].Backends[0];
        customer.Should().BeEquivalentTo(
            new
            {
                Host = new[] { "http://catalog:8000" },
                UrlPattern = "/customers/{id}",
                Method = "GET",
                Encoding = "json",
                Group = "customer",
                Allow = new[] { "id", "account" },
                IsCollection = false,
                Timeout = TimeSpan.FromSeconds(3),
                ConcurrentCalls = 1,
                JsonPath = "endpoints[0].backend[0]",
            });
        customer.Http.Should().Be(new BackendHttpOptions());

        var orders = _config.Endpoints[0].Backends[1];
        orders.Should().BeEquivalentTo(
            new
            {
                Host = new[] { "http://orders.internal:9000" },
                UrlPattern = "/accounts/{resp0_customer.account}/orders",
                Method = "GET",
                Encoding = "json",
                Group = (string?)null,
                IsCollection = true,
                Mapping = new Dictionary<string, string> { ["collection"] = "orders" },
                Timeout = TimeSpan.FromSeconds(3),
                JsonPath = "endpoints[0].backend[1]",
            });
        orders.Http.Should().Be(new BackendHttpOptions { ReturnErrorDetails = "orders_error" });
        orders.ExtraConfig.ToJsonString().Should().Be("""{"backend/http":{"return_error_details":"orders_error"}}""");
    }

    [Fact]
    public void The_no_op_endpoint_holds_its_values_and_the_cascaded_ones()
    {
        var endpoint = _config.Endpoints[1];
        endpoint.Method.Should().Be("POST");
        endpoint.Timeout.Should().Be(TimeSpan.FromMilliseconds(1500));
        endpoint.CacheTtl.Should().Be(TimeSpan.FromMinutes(5));
        endpoint.OutputEncoding.Should().Be("no-op");
        endpoint.Proxy.Static.Should().BeNull();

        var backend = endpoint.Backends.Should().ContainSingle().Subject;
        backend.Host.Should().Equal("https://orders.internal");
        backend.UrlPattern.Should().Be("/orders");
        backend.Method.Should().Be("POST");
        backend.Encoding.Should().Be("no-op");
        backend.Timeout.Should().Be(TimeSpan.FromMilliseconds(1500));
    }

    [Fact]
    public void The_file_loads_without_warnings()
    {
        ConfigLoader.Parse(File).Warnings.Should().BeEmpty();
    }
}
