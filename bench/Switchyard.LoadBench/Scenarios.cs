namespace Switchyard.LoadBench;

/// <summary>The rows of the scenario matrix, in table order, and the keys the targets read.</summary>
internal static class Scenarios
{
    public const string DirectA = "direct-a";
    public const string DirectUser = "direct-user";
    public const string Nginx = "nginx";
    public const string Haproxy = "haproxy";
    public const string PassNoOp = "a1";
    public const string PassJson = "a2";
    public const string Aggregate = "b";
    public const string Chain = "c";
    public const string Workflow = "d";

    public static IReadOnlyList<Subject> All(BenchServers servers)
    {
        Uri Gateway(string path) => new(servers.GatewayUrl, path);
        return
        [
            new() { Key = DirectA, Scenario = "baseline", Server = "backend direct `/a`", Url = new(servers.BackendUrl, "/a"), Process = servers.Backend, Expect = "\"alpha\"" },
            new() { Key = Nginx, Scenario = "pass-through", Server = "nginx → `/a`", Url = new(servers.NginxUrl, "/a"), Process = servers.Nginx, Direct = DirectA, Expect = "\"alpha\"" },
            new() { Key = Haproxy, Scenario = "pass-through", Server = "HAProxy → `/a`", Url = new(servers.HaproxyUrl, "/a"), Process = servers.Haproxy, Direct = DirectA, Expect = "\"alpha\"" },
            new() { Key = PassNoOp, Scenario = "(a1) pass-through, no-op", Server = "Switchyard", Url = Gateway(GatewayConfig.PassNoOp), Process = servers.Gateway, Direct = DirectA, Expect = "\"alpha\"" },
            new() { Key = PassJson, Scenario = "(a2) pass-through, json", Server = "Switchyard", Url = Gateway(GatewayConfig.PassJson), Process = servers.Gateway, Direct = DirectA, Expect = "\"alpha\"", ExpectCompleted = true },
            new() { Key = Aggregate, Scenario = "(b) aggregation of 3", Server = "Switchyard", Url = Gateway(GatewayConfig.Aggregate), Process = servers.Gateway, Direct = DirectA, Expect = "\"gamma\"", ExpectCompleted = true },
            new() { Key = DirectUser, Scenario = "baseline", Server = "backend direct `/user/7`", Url = new(servers.BackendUrl, "/user/7"), Process = servers.Backend, Expect = "\"ana\"" },
            new() { Key = Chain, Scenario = "(c) sequential chain of 2", Server = "Switchyard", Url = Gateway(GatewayConfig.Chain), Process = servers.Gateway, Direct = DirectUser, Expect = "\"EUR\"", ExpectCompleted = true },
            new() { Key = Workflow, Scenario = "(d) 3-level workflow", Server = "Switchyard", Url = Gateway(GatewayConfig.Workflow), Process = servers.Gateway, Direct = DirectUser, Expect = "\"entries\"", ExpectCompleted = true },
        ];
    }
}
