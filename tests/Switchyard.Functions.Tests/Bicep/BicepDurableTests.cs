using System.Text.RegularExpressions;
using Switchyard.Functions.Packaging;

namespace Switchyard.Functions.Tests.Bicep;

/// <summary>
/// What <c>bicep/</c> does for durable pipes, read from the templates' text like <see cref="BicepTemplateTests"/>: the
/// engine's storage roles for the app's identity, its app settings and the always-ready instance, each only when the
/// <c>durable</c> parameter that <c>switchyard package</c> writes is true.
/// </summary>
public sealed partial class BicepDurableTests
{
    private const string RolesModule = "modules/roles.bicep";
    private const string FunctionAppModule = "modules/functionapp.bicep";

    [Fact]
    public void Main_takes_durable_off_by_default_and_every_durable_parameter_package_writes()
    {
        var main = BicepFolder.Main.Params;
        var written = BicepParameters.Build("app", [], durable: new PackagedDurable("ordersstore"))["parameters"]!.AsObject();

        main.Should().ContainSingle(p => p.Name == "durable").Which.Type.Should().Be("bool");
        BicepFolder.Main.Text.Should().Contain("param durable bool = false", "a configuration without durable pipe keeps scale to zero");
        main.Should().Contain(p => p.Name == "durableStorageAccountName" && p.HasDefault);
        main.Should().Contain(p => p.Name == "durableAlwaysReadyInstances" && p.HasDefault);
        BicepFolder.Main.Text.Should().MatchRegex(@"@minValue\(1\)\s*@maxValue\(\d+\)\s*param durableAlwaysReadyInstances int = 1\b", "durable means at least one instance");
        written.Select(p => p.Key).Should().Contain(["durable", "durableStorageAccountName"]).And.BeSubsetOf(main.Select(p => p.Name));
    }

    [Fact]
    public void Main_gives_the_engine_account_and_the_always_ready_count_only_when_durable()
    {
        var main = BicepFolder.Main;
        var account = Whitespace().Replace(main.Vars.Should().ContainSingle(v => v.Name == "durableAccountName").Subject.Value, " ");
        var roles = main.Modules.Single(m => m.Path == RolesModule).Body.Block("params")!;
        var functionApp = main.Modules.Single(m => m.Path == FunctionAppModule).Body.Block("params")!;

        account.Should().Be("!durable ? '' : empty(durableStorageAccountName) ? storage.outputs.name : durableStorageAccountName",
            "no account without durable pipes; else the one the configuration names, or the app's own");
        roles.Value("durableStorageAccountName").Should().Be("durableAccountName");
        functionApp.Value("durableStorageAccountName").Should().Be("durableAccountName");
        functionApp.Value("alwaysReadyInstances").Should().Be("durable ? durableAlwaysReadyInstances : 0");
    }

    [Theory]
    [InlineData("storageQueueDataContributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Storage Queue Data Contributor")]
    [InlineData("storageTableDataContributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Storage Table Data Contributor")]
    [InlineData("storageBlobDataContributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe", "Storage Blob Data Contributor")]
    public void The_engine_needs_the_queue_table_and_blob_data_roles_named_by_their_built_in_ids(string key, string roleDefinitionId, string role)
    {
        var roles = BicepFolder.Load(RolesModule);

        roles.Vars.Single(v => v.Name == "roleIds").Value.Should().MatchRegex($@"(?m)^\s*{key}: '{roleDefinitionId}' // {role}$");
        RoleNames(roles, "durableRoleIds").Should().Contain(key);
    }

    [Fact]
    public void On_the_app_own_account_only_the_roles_the_host_lacks_are_added_and_none_twice()
    {
        var roles = BicepFolder.Load(RolesModule);
        var host = RoleNames(roles, "hostStorageRoleIds");
        var added = RoleNames(roles, "durableRoleIdsBeyondHost");

        Value(roles, "durableOnHostStorage").Should().Be("durableStorageAccountName == storageAccountName");
        Value(roles, "storageRoleIds").Should().Be("concat(hostStorageRoleIds, durableOnHostStorage ? durableRoleIdsBeyondHost : [])");
        host.Intersect(added).Should().BeEmpty("an assignment's name is (scope, principal, role): the same one twice fails the deployment");
        RoleNames(roles, "durableRoleIds").Should().BeSubsetOf(
            host.Concat(added).Append(host.Contains("storageBlobDataOwner") ? "storageBlobDataContributor" : "none"),
            "Blob Data Owner holds every permission of Blob Data Contributor");
    }

    [Fact]
    public void Another_account_gets_the_three_roles_and_no_account_gets_none()
    {
        var roles = BicepFolder.Load(RolesModule);
        var assignment = roles.Resources.Should().ContainSingle(r => r.Name == "durableStorageRoles").Subject;
        var scope = roles.Resources.Should().ContainSingle(r => r.Name == "durableStorage").Subject;

        Value(roles, "durable").Should().Be("!empty(durableStorageAccountName)");
        Value(roles, "durableStorageRoleIds").Should().Be("durable && !durableOnHostStorage ? durableRoleIds : []");
        assignment.Type.Should().StartWith("Microsoft.Authorization/roleAssignments@");
        roles.Text.Should().MatchRegex(@"(?m)^resource durableStorageRoles '[^']+' = \[\s*for roleId in durableStorageRoleIds:", "one assignment per role of the list");
        assignment.Body.Value("scope").Should().Be("durableStorage");
        scope.Type.Should().StartWith("Microsoft.Storage/storageAccounts@");
        scope.Body.Value("name").Should().Be("empty(durableStorageAccountName) ? storageAccountName : durableStorageAccountName");
    }

    [Fact]
    public void A_durable_app_names_the_engine_account_and_the_identity_for_DefaultAzureCredential()
    {
        var functionApp = BicepFolder.Load(FunctionAppModule);
        var settings = Value(functionApp, "durableSettings");
        var site = functionApp.Resources.Single(r => r.Type.StartsWith("Microsoft.Web/sites@", StringComparison.Ordinal));

        settings.Should().StartWith("empty(durableStorageAccountName)\n  ? []\n  : [");
        Settings(settings).Should().Equal(new Dictionary<string, string>
        {
            ["SWITCHYARD_DURABLE_CONNECTION"] = "durableStorageAccountName",
            ["AZURE_CLIENT_ID"] = "identityClientId",
        });
        site.Body.Block("properties")!.Block("siteConfig")!.Value("appSettings").Should().Be("concat(hostSettings, serviceBusSettings, durableSettings)");
    }

    [Fact]
    public void A_durable_app_keeps_always_ready_instances_of_the_http_group_and_others_scale_to_zero()
    {
        var functionApp = BicepFolder.Load(FunctionAppModule);
        var site = functionApp.Resources.Single(r => r.Type.StartsWith("Microsoft.Web/sites@", StringComparison.Ordinal));
        var scale = site.Body.Block("properties")!.Block("functionAppConfig")!.Block("scaleAndConcurrency")!;

        scale.Value("alwaysReady").Should().Be("alwaysReady");
        Value(functionApp, "alwaysReady").Should().MatchRegex(
            @"^alwaysReadyInstances == 0\s*\?\s*\[\]\s*:\s*\[\s*\{ name: 'http', instanceCount: alwaysReadyInstances \}\s*\]$",
            "the catch-all HTTP function's group, whose process also runs the durable worker");
        functionApp.Text.Should().MatchRegex(@"@minValue\(0\)\s*@maxValue\(\d+\)\s*param alwaysReadyInstances int\n");
    }

    [Fact]
    public void The_identity_the_app_runs_as_is_the_one_granted_the_engine_roles()
    {
        var main = BicepFolder.Main;
        var identity = main.Modules.Single(m => m.Path == "modules/identity.bicep").Name;

        main.Modules.Single(m => m.Path == RolesModule).Body.Block("params")!.Value("principalId").Should().Be($"{identity}.outputs.principalId");
        main.Modules.Single(m => m.Path == FunctionAppModule).Body.Block("params")!.Value("identityClientId").Should().Be($"{identity}.outputs.clientId");
    }

    private static string Value(BicepSource source, string name) =>
        source.Vars.Should().ContainSingle(v => v.Name == name, $"one var {name}").Subject.Value;

    // The roleIds keys an array var lists (roleIds.<key>).
    private static IReadOnlyList<string> RoleNames(BicepSource source, string name) =>
        RoleReference().Matches(Value(source, name)).Select(m => m.Groups["key"].Value).ToList();

    // The { name: 'X', value: Y } entries of an app settings var.
    private static Dictionary<string, string> Settings(string value) =>
        AppSetting().Matches(value).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"roleIds\.(?<key>\w+)")]
    private static partial Regex RoleReference();

    [GeneratedRegex(@"\{ name: '(?<name>[^']+)', value: (?<value>[^}]+?) \}")]
    private static partial Regex AppSetting();
}
