using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Parsing;

public sealed class WorkflowParserTests
{
    /// <summary>The signup example of KrakenD's workflow documentation.</summary>
    private const string Signup = """
        {
          "$schema": "https://www.krakend.io/schema/v2.7/krakend.json",
          "version": 3,
          "host": ["http://localhost:8080"],
          "debug_endpoint": true,
          "echo_endpoint": true,
          "endpoints": [
            {
              "@comment": "signup endpoint for /user/signup/yes and /user/signup/no",
              "method": "POST",
              "endpoint": "/user/signup/{wants_notifications}",
              "input_headers": ["User-Agent"],
              "extra_config": {
                "proxy": {
                  "@comment": "We want our first group of backends to register in order (sequentially)",
                  "sequential": true
                }
              },
              "backend": [
                {
                  "@comment": "Call to the legacy service registering the user first",
                  "method": "POST",
                  "url_pattern": "/__debug/user-registration",
                  "group": "legacy-response"
                },
                {
                  "@comment": "Additional services next. Declare the 'message' field from the legacy response, user agent, and params",
                  "url_pattern": "/__workflow/{resp0_legacy-response.message}/{input_headers.User-Agent}/{wants_notifications}/",
                  "group": "additional-services",
                  "extra_config": {
                    "workflow": {
                      "ignore_errors": true,
                      "endpoint": "/workflow1/{wants_notifications}/{resp0_legacy-response.message}",
                      "@comment": "Backends below will be executed concurrently after the legacy service has been called and the signup was ok (returned a 'message')",
                      "backend": [
                        {
                          "@comment": "publish a message to the queue",
                          "url_pattern": "/__debug/you-could-replace-this-with-a-rabbitmq?newuser={resp0_legacy-response.message}",
                          "group": "notification-service"
                        },
                        {
                          "@comment": "trigger a welcome email only when when user wants notifications ('yes')",
                          "url_pattern": "/__echo/welcome/{resp0_legacy-response.message}?ua={input_headers.User-Agent}",
                          "extra_config": {
                            "security/policies": {
                              "req": {
                                "policies": [
                                  "req_params.Wants_notifications == 'yes'"
                                ]
                              }
                            }
                          },
                          "allow": ["req_uri"],
                          "mapping": {"User-Agent": "browser"},
                          "group": "send-email"
                        }
                      ]
                    }
                  }
                }
              ]
            }
          ]
        }
        """;

    [Fact]
    public void The_signup_example_loads_without_problems()
    {
        var result = ConfigLoader.Parse(Signup);

        result.Errors.Should().BeEmpty();
        result.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void The_signup_example_opens_one_workflow_under_the_second_backend()
    {
        var endpoint = LoadValid(Signup).Endpoints[0];

        endpoint.Backends[0].Workflow.Should().BeNull();
        var workflow = endpoint.Backends[1].Workflow!;
        workflow.Endpoint.Should().Be("/workflow1/{wants_notifications}/{resp0_legacy-response.message}");
        workflow.IgnoreErrors.Should().BeTrue();
        workflow.Proxy.Sequential.Should().BeFalse();
        workflow.JsonPath.Should().Be("endpoints[0].backend[1].extra_config.workflow");
        workflow.Backends.Select(b => b.Group).Should().Equal("notification-service", "send-email");
        workflow.Backends.Should().OnlyContain(b => b.Workflow == null);
    }

    [Fact]
    public void The_signup_example_cascades_hosts_method_and_timeout_into_the_workflow()
    {
        var endpoint = LoadValid(Signup).Endpoints[0];
        var workflow = endpoint.Backends[1].Workflow!;

        workflow.Method.Should().Be("POST");
        workflow.Timeout.Should().Be(TimeSpan.FromSeconds(2));
        workflow.InputHeaders.Should().Equal("User-Agent");
        foreach (var backend in workflow.Backends)
        {
            backend.Host.Should().Equal("http://localhost:8080");
            backend.Method.Should().Be("POST");
            backend.Timeout.Should().Be(TimeSpan.FromSeconds(2));
        }
    }

    [Fact]
    public void The_signup_example_reads_the_policy_of_the_email_step()
    {
        var workflow = LoadValid(Signup).Endpoints[0].Backends[1].Workflow!;

        workflow.Backends[0].Policies.Should().BeNull();
        var email = workflow.Backends[1];
        email.JsonPath.Should().Be("endpoints[0].backend[1].extra_config.workflow.backend[1]");
        email.Policies.Should().BeEquivalentTo(new SecurityPoliciesOptions
        {
            Request = new PolicySetOptions { Policies = ["req_params.Wants_notifications == 'yes'"] },
        });
        email.Allow.Should().Equal("req_uri");
        email.Mapping.Should().BeEquivalentTo(new Dictionary<string, string> { ["User-Agent"] = "browser" });
    }

    [Fact]
    public void Sequential_inside_parallel_inside_sequential_loads_at_three_levels()
    {
        var config = LoadValid(Service("""
            {"endpoint": "/orders/{id}", "extra_config": {"proxy": {"sequential": true}}, "backend": [
              {"url_pattern": "/orders/{id}", "group": "order"},
              {"url_pattern": "/__workflow/{resp0_order.customer}/{id}", "extra_config": {"workflow": {
                "endpoint": "/parallel/{resp0_order.customer}", "backend": [
                  {"url_pattern": "/customers/{resp0_order.customer}"},
                  {"url_pattern": "/__workflow/{id}", "extra_config": {"workflow": {
                    "endpoint": "/sequential", "extra_config": {"proxy": {"sequential": true}}, "backend": [
                      {"url_pattern": "/invoices/{id}", "group": "invoice"},
                      {"url_pattern": "/payments/{resp0_invoice.payment}"}]}}}]}}}]}
            """));

        var level1 = config.Endpoints[0];
        var level2 = level1.Backends[1].Workflow!;
        var level3 = level2.Backends[1].Workflow!;
        level1.Proxy.Sequential.Should().BeTrue();
        level2.Proxy.Sequential.Should().BeFalse();
        level3.Proxy.Sequential.Should().BeTrue();
        level3.JsonPath.Should().Be("endpoints[0].backend[1].extra_config.workflow.backend[1].extra_config.workflow");
        level3.Backends[1].UrlPattern.Should().Be("/payments/{resp0_invoice.payment}");
        level3.Backends[1].Workflow.Should().BeNull();
    }

    [Fact]
    public void Ignore_errors_defaults_to_false()
    {
        var workflow = LoadValid(ServiceWithBackend("""
            "extra_config": {"workflow": {"endpoint": "/w", "backend": [{"url_pattern": "/x"}]}}
            """)).Endpoints[0].Backends[0].Workflow!;

        workflow.IgnoreErrors.Should().BeFalse();
    }

    [Fact]
    public void Ignore_errors_that_is_not_a_boolean_is_a_type_error()
    {
        LoadErrors(ServiceWithBackend("""
            "extra_config": {"workflow": {"endpoint": "/w", "ignore_errors": "yes", "backend": [{"url_pattern": "/x"}]}}
            """)).Should().Equal(
            "endpoints[0].backend[0].extra_config.workflow.ignore_errors: expected a boolean, got string \"yes\"");
    }

    [Fact]
    public void A_workflow_that_is_not_an_object_is_an_error()
    {
        LoadErrors(ServiceWithBackend("\"extra_config\": {\"workflow\": []}")).Should().Equal(
            "endpoints[0].backend[0].extra_config.workflow: expected an object, got array");
    }

    [Fact]
    public void Keys_a_workflow_inherits_warn_and_are_ignored()
    {
        var result = ConfigLoader.Parse(ServiceWithBackend("""
            "extra_config": {"workflow": {"endpoint": "/w", "method": "DELETE", "input_headers": ["X-A"],
              "input_query_strings": ["q"], "cache_ttl": "1m", "bogus": 1, "backend": [{"url_pattern": "/x"}]}}
            """));

        const string path = "endpoints[0].backend[0].extra_config.workflow";
        result.Errors.Should().BeEmpty();
        result.Warnings.Select(w => w.ToString()).Should().Equal(
            path + ".bogus: unsupported key 'bogus'",
            path + ".method: unsupported key 'method' (a workflow uses the method of the backend that opens it; ignored)",
            path + ".input_headers: unsupported key 'input_headers' (a workflow gets the headers of the published endpoint; ignored)",
            path + ".input_query_strings: unsupported key 'input_query_strings' (a workflow gets the query strings of the published endpoint; ignored)",
            path + ".cache_ttl: unsupported key 'cache_ttl' (a workflow answers its parent, never a client; ignored)");

        var workflow = result.Config!.Endpoints[0].Backends[0].Workflow!;
        workflow.Method.Should().Be("GET");
        workflow.InputHeaders.Should().BeEmpty();
        workflow.InputQueryStrings.Should().BeEmpty();
        workflow.CacheTtl.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Policies_and_cel_checks_are_read_on_workflows_too()
    {
        var workflow = LoadValid(ServiceWithBackend("""
            "extra_config": {"workflow": {"endpoint": "/w", "backend": [{"url_pattern": "/x"}], "extra_config": {
              "security/policies": {"resp": {"policies": ["resp_data.ok"]}},
              "validation/cel": [{"check_expr": "req_method == 'GET'"}]}}}
            """)).Endpoints[0].Backends[0].Workflow!;

        workflow.Policies!.Response!.Policies.Should().Equal("resp_data.ok");
        workflow.CelChecks.Should().Equal("req_method == 'GET'");
    }
}
