using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Switchyard.Core.Agents;
using Switchyard.Core.Configuration;
using Switchyard.Functions.Tests.Hosting;

namespace Switchyard.Functions.Tests.Bicep;

/// <summary>
/// What <c>bicep/</c> must do beyond compiling (<see cref="BicepCompilerTests"/>: types, required and unused parameters):
/// the parameters <c>switchyard package</c> writes, every module deployed, every agent's queue created, every role
/// granted to the app's identity. Read from the templates' text (<see cref="BicepSource"/>).
/// </summary>
public sealed class BicepTemplateTests
{
    private const string IdentityModule = "modules/identity.bicep";

    [Fact]
    public void Main_takes_the_contract_parameters_and_needs_only_appName()
    {
        var parameters = BicepFolder.Main.Params;

        parameters.Select(p => p.Name).Should().Contain(["appName", "location", "serviceBusQueues", "serviceBusTopics", "storageQueues"]);
        parameters.Where(p => !p.HasDefault).Select(p => p.Name).Should().Equal(["appName"], "`-p @dist/main.parameters.json -p appName=...` is a complete deployment");
    }

    [Fact]
    public void Every_module_file_is_deployed_by_main()
    {
        var deployed = BicepFolder.Main.Modules.Select(m => Path.GetFullPath(Path.Combine(BicepFolder.Path, m.Path)));
        var moduleFiles = BicepFolder.Files.Where(file => Path.GetFileName(Path.GetDirectoryName(file)) == "modules");

        deployed.Should().BeEquivalentTo(moduleFiles);
    }

    [Fact]
    public void Every_module_is_a_local_file_since_registry_modules_cannot_be_restored_offline()
    {
        var modules = BicepFolder.Files.SelectMany(file => BicepSource.Load(file).Modules.Select(module => (File: file, module.Path))).ToList();

        modules.Should().NotBeEmpty();
        modules.Should().OnlyContain(
            module => !module.Path.Contains(':', StringComparison.Ordinal) && File.Exists(Path.Combine(Path.GetDirectoryName(module.File)!, module.Path)),
            "a module is a path relative to the file declaring it, never br: or ts: (bicep/README.md)");
    }

    [Fact]
    public void The_default_config_needs_no_queue_and_the_example_parameters_file_is_its_parameters()
    {
        var config = ConfigLoader.Parse(RepositoryFiles.Read("examples", "krakend.json")).Config!;
        var expected = AgentQueueParameters.For(config.AsyncAgents);
        var example = JsonNode.Parse(RepositoryFiles.Read("bicep", "main.parameters.json"))!["parameters"]!.AsObject();

        config.AsyncAgents.Should().NotBeEmpty("the default config has an agent, on the embedded broker");
        expected.Select(p => p.Value!.AsArray().Count).Should().AllBeEquivalentTo(0);
        foreach (var (name, value) in expected)
        {
            JsonNode.DeepEquals(example[name]?["value"], value).Should().BeTrue($"the example's {name} is {value!.ToJsonString()}");
        }

        example["appName"]!["value"]!.GetValue<string>().Should().NotBeEmpty();
        example.Select(p => p.Key).Should().BeSubsetOf(BicepFolder.Main.Params.Select(p => p.Name));
    }

    [Fact]
    public void Every_Azure_agent_of_a_config_gets_its_queue_or_subscription_parameter()
    {
        AsyncAgentConfig[] agents =
        [
            Agent("orders", 3, serviceBus: new ServiceBusDriverOptions { Queue = "orders" }),
            Agent("audit", 5, serviceBus: new ServiceBusDriverOptions { Topic = "events", Subscription = "audit" }),
            Agent("billing", 0, serviceBus: new ServiceBusDriverOptions { Topic = "events", Subscription = "billing" }),
            Agent("thumbnails", 4, azureQueue: new AzureQueueDriverOptions { Queue = "thumbnails" }),
            Agent("signup-events", 5),
        ];

        var parameters = AgentQueueParameters.For(agents);

        JsonNode.DeepEquals(parameters, JsonNode.Parse("""
            {
              "serviceBusQueues": [{"name": "orders", "maxDeliveryCount": 3}],
              "serviceBusTopics": [
                {"name": "events", "subscription": "audit", "maxDeliveryCount": 5},
                {"name": "events", "subscription": "billing", "maxDeliveryCount": 10}
              ],
              "storageQueues": ["thumbnails"]
            }
            """)).Should().BeTrue(parameters.ToJsonString());
        var declared = BicepFolder.Main.Params;
        foreach (var (name, value) in parameters)
        {
            var parameter = declared.Should().ContainSingle(p => p.Name == name).Subject;
            foreach (var element in value!.AsArray().OfType<JsonObject>())
            {
                element.Select(field => field.Key).Should().BeEquivalentTo(FieldsOf(parameter), $"each {name} entry has the fields of {parameter.Type}");
            }
        }
    }

    [Theory]
    [InlineData("serviceBusQueues", "Microsoft.ServiceBus/namespaces/queues")]
    [InlineData("serviceBusTopics", "Microsoft.ServiceBus/namespaces/topics/subscriptions")]
    [InlineData("storageQueues", "Microsoft.Storage/storageAccounts/queueServices/queues")]
    public void Each_entry_of_a_queue_parameter_becomes_one_resource(string parameter, string resourceType)
    {
        var (module, moduleParam) = ModuleGiven(parameter);
        var source = BicepFolder.Load(module.Path);

        source.Text.Should().MatchRegex(
            $@"(?m)^resource\s+\w+\s+'{Regex.Escape(resourceType)}@[\d-]+'\s*=\s*\[\s*for\s+\w+\s+in\s+{moduleParam}\s*:",
            $"{module.Path} creates one {resourceType} per entry of {moduleParam} (main's {parameter})");
    }

    [Theory]
    [InlineData("Microsoft.ServiceBus/namespaces/queues")]
    [InlineData("Microsoft.ServiceBus/namespaces/topics/subscriptions")]
    public void Service_Bus_entities_take_maxDeliveryCount_from_their_entry(string resourceType)
    {
        var (module, _) = ModuleGiven("serviceBusQueues");
        var resource = BicepFolder.Load(module.Path).Resources.Should().ContainSingle(r => r.Type.StartsWith(resourceType + "@", StringComparison.Ordinal)).Subject;

        resource.Body.Block("properties")!.Value("maxDeliveryCount").Should().MatchRegex(@"^\w+\.maxDeliveryCount$");
    }

    [Fact]
    public void Every_role_assignment_is_granted_to_the_app_identity()
    {
        var main = BicepFolder.Main;
        var identity = main.Modules.Should().ContainSingle(m => m.Path == IdentityModule).Subject.Name;
        var assignments = 0;

        foreach (var assignment in RoleAssignments(main))
        {
            assignment.Body.Block("properties")!.Value("principalId").Should().Be($"{identity}.outputs.principalId");
            assignments++;
        }

        foreach (var module in main.Modules)
        {
            var source = BicepFolder.Load(module.Path);
            foreach (var assignment in RoleAssignments(source))
            {
                var properties = assignment.Body.Block("properties")!;
                properties.Value("principalType").Should().Be("'ServicePrincipal'", $"{assignment.Name} in {module.Path} is for a managed identity");
                var principal = properties.Value("principalId");
                source.Params.Should().Contain(p => p.Name == principal, $"{assignment.Name} in {module.Path} takes its principal from a param");
                module.Body.Block("params")!.Value(principal!).Should().Be(
                    $"{identity}.outputs.principalId", $"main gives {module.Name}'s {principal} the identity's principal");
                assignments++;
            }
        }

        assignments.Should().BeGreaterThanOrEqualTo(3, "storage, Service Bus and Application Insights each have their role assignments");
    }

    [Fact]
    public void The_function_app_runs_as_the_identity_the_roles_are_granted_to()
    {
        var main = BicepFolder.Main;
        var identity = main.Modules.Single(m => m.Path == IdentityModule).Name;
        var functionApp = main.Modules.Should().ContainSingle(m => m.Path == "modules/functionapp.bicep").Subject;
        var site = BicepFolder.Load(functionApp.Path).Resources.Should().ContainSingle(r => r.Type.StartsWith("Microsoft.Web/sites@", StringComparison.Ordinal)).Subject;
        var identityBlock = site.Body.Block("identity")!;
        var deploymentAuthentication = site.Body.Block("properties")!.Block("functionAppConfig")!.Block("deployment")!.Block("storage")!.Block("authentication")!;

        identityBlock.Value("type").Should().Be("'UserAssigned'");
        identityBlock.Block("userAssignedIdentities")!.Text.Should().Contain("'${identityId}': {}");
        deploymentAuthentication.Value("userAssignedIdentityResourceId").Should().Be("identityId");
        functionApp.Body.Block("params")!.Value("identityId").Should().Be($"{identity}.outputs.id");
        functionApp.Body.Block("params")!.Value("identityClientId").Should().Be($"{identity}.outputs.clientId");
    }

    [Theory]
    [InlineData("4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0", "Azure Service Bus Data Receiver")]
    [InlineData("69a216fc-b8fb-44d8-bc22-1f3c2cd27a39", "Azure Service Bus Data Sender")]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Storage Blob Data Owner")]
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor")]
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Monitoring Metrics Publisher")]
    public void The_identity_is_granted_the_built_in_roles_the_host_needs(string roleDefinitionId, string role)
    {
        BicepFolder.Load("modules/roles.bicep").Text.Should().Contain($"'{roleDefinitionId}'", role);
    }

    private static AsyncAgentConfig Agent(string name, int maxDeliveries, ServiceBusDriverOptions? serviceBus = null, AzureQueueDriverOptions? azureQueue = null) =>
        new()
        {
            Name = name,
            Consumer = new AgentConsumerOptions { Topic = name, MaxDeliveries = maxDeliveries },
            Pipe = new EndpointConfig { Endpoint = name },
            ServiceBus = serviceBus,
            AzureQueue = azureQueue,
            Memory = serviceBus is null && azureQueue is null ? new MemoryDriverOptions() : null,
        };

    // The fields of an array-of-objects param's element type (user-defined, from any file); none for string[].
    private static IEnumerable<string> FieldsOf(BicepParam parameter)
    {
        var typeName = parameter.Type.TrimEnd('[', ']');
        return BicepFolder.Files.SelectMany(file => BicepSource.Load(file).Types)
            .Should().ContainSingle(type => type.Name == typeName, $"{parameter.Name}'s element type is declared once").Subject.Body.Keys;
    }

    // The module main gives the param to, and the name of the module's param that receives it unchanged.
    private static (BicepModule Module, string Param) ModuleGiven(string parameter)
    {
        var given = BicepFolder.Main.Modules
            .SelectMany(module => (module.Body.Block("params")?.Keys ?? []).Select(key => (module, key)))
            .Where(pair => pair.module.Body.Block("params")!.Value(pair.key) == parameter)
            .ToList();
        given.Should().ContainSingle($"main passes {parameter} to one module");
        return (given[0].module, given[0].key);
    }

    private static IEnumerable<BicepResource> RoleAssignments(BicepSource source) =>
        source.Resources.Where(r => r.Type.StartsWith("Microsoft.Authorization/roleAssignments@", StringComparison.Ordinal));
}
