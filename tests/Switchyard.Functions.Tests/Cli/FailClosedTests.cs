using System.Text.Json.Nodes;
using Switchyard.Core.Configuration.Namespaces;
using Switchyard.Functions.Cli;

namespace Switchyard.Functions.Tests.Cli;

/// <summary>
/// Every namespace and key that protects something, written where Switchyard does not serve it: <c>check</c> exits 1
/// naming its path, and <c>run</c> does not start.
/// </summary>
public sealed class FailClosedTests : IDisposable
{
    private static readonly Placement[] Placements =
        [Placement.Service, Placement.Endpoint, Placement.Workflow, Placement.Backend, Placement.Agent];

    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-failclosed-").FullName;

    public static TheoryData<string, Placement> UnservedProtections()
    {
        var data = new TheoryData<string, Placement>();
        foreach (var known in NamespaceCatalog.All.Where(known => known.IsProtective))
        {
            foreach (var placement in Placements.Where(placement => (known.ServedAt & placement) == 0))
            {
                data.Add(known.Name, placement);
            }
        }

        return data;
    }

    public static TheoryData<string, string> RefusedKeys()
    {
        var data = new TheoryData<string, string>();
        foreach (var key in UnservedKeys.All.Where(key => key.IsProtective))
        {
            data.Add(key.Owner, key.Key);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(UnservedProtections))]
    public async Task A_protective_namespace_where_it_is_not_served_stops_check_and_run(string name, Placement placement)
    {
        var (config, path) = WithNamespace(name, placement);

        await AssertRefusedAsync(config, path);
    }

    [Fact]
    public async Task The_configuration_each_case_starts_from_is_valid()
    {
        var file = Path.Combine(_directory, "valid.json");
        await File.WriteAllTextAsync(file, Service().ToJsonString());

        CheckCommand.Check(file, new StringWriter(), new StringWriter()).Should().Be(0);
    }

    [Theory]
    [MemberData(nameof(RefusedKeys))]
    public async Task A_protective_root_or_router_key_stops_check_and_run(string owner, string key)
    {
        var config = Service();
        if (owner == UnservedKeys.Root)
        {
            config[key] = new JsonObject();
        }
        else
        {
            config["extra_config"] = new JsonObject { ["router"] = new JsonObject { [key] = new JsonObject() } };
        }

        await AssertRefusedAsync(config, owner == UnservedKeys.Root ? key : "extra_config.router." + key);
    }

    [Fact]
    public void The_table_covers_every_placement_of_the_protections_switchyard_lacks()
    {
        UnservedProtections().Should().Contain(row => (string)row[0] == "qos/ratelimit/router" && (Placement)row[1] == Placement.Workflow);
        UnservedProtections().Should().NotContain(row => (string)row[0] == "validation/cel" && (Placement)row[1] != Placement.Service);
        UnservedProtections().Should().Contain(row => (string)row[0] == "backend/http" && (Placement)row[1] == Placement.Endpoint);
    }

    private async Task AssertRefusedAsync(JsonObject config, string path)
    {
        var file = Path.Combine(_directory, "krakend.json");
        await File.WriteAllTextAsync(file, config.ToJsonString());
        var errors = new StringWriter();

        CheckCommand.Check(file, new StringWriter(), errors).Should().Be(1);
        errors.ToString().Should().Contain($"error: {path}: ").And.Contain("refused");

        // A regression that let it start would serve until cancelled, then exit 0.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        (await RunCommand.RunAsync(file, 0, stop.Token)).Should().Be(1);
    }

    private static (JsonObject Config, string Path) WithNamespace(string name, Placement placement)
    {
        var config = Service();
        var endpoint = config["endpoints"]![0]!.AsObject();
        var backend = endpoint["backend"]![0]!.AsObject();
        var extra = new JsonObject { [name] = new JsonObject() };
        switch (placement)
        {
            case Placement.Service:
                config["extra_config"] = extra;
                return (config, "extra_config." + name);
            case Placement.Endpoint:
                endpoint["extra_config"] = extra;
                return (config, "endpoints[0].extra_config." + name);
            case Placement.Workflow:
                backend["extra_config"] = new JsonObject
                {
                    ["workflow"] = new JsonObject
                    {
                        ["endpoint"] = "/__workflow/w",
                        ["backend"] = new JsonArray(new JsonObject { ["url_pattern"] = "/w" }),
                        ["extra_config"] = extra,
                    },
                };
                return (config, "endpoints[0].backend[0].extra_config.workflow.extra_config." + name);
            case Placement.Backend:
                backend["extra_config"] = extra;
                return (config, "endpoints[0].backend[0].extra_config." + name);
            default:
                extra["async/memory"] = new JsonObject();
                config["async_agent"] = new JsonArray(new JsonObject
                {
                    ["name"] = "a",
                    ["consumer"] = new JsonObject { ["topic"] = "#" },
                    ["backend"] = new JsonArray(new JsonObject { ["url_pattern"] = "/b" }),
                    ["extra_config"] = extra,
                });
                return (config, "async_agent[0].extra_config." + name);
        }
    }

    // A valid configuration each case adds one protection to.
    private static JsonObject Service() => new()
    {
        ["version"] = 3,
        ["host"] = new JsonArray("http://127.0.0.1:19"),
        ["endpoints"] = new JsonArray(new JsonObject
        {
            ["endpoint"] = "/e",
            ["backend"] = new JsonArray(new JsonObject { ["url_pattern"] = "/b" }),
        }),
    };

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
