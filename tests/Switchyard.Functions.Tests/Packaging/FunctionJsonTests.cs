using System.Text.Json.Nodes;
using Switchyard.Functions.Packaging;

namespace Switchyard.Functions.Tests.Packaging;

public sealed class FunctionJsonTests
{
    [Fact]
    public void The_catch_all_function_catches_every_route_and_method_anonymously_with_one_http_output()
    {
        var bindings = Bindings(FunctionJson.CatchAll());

        // One httpTrigger in and one http out is what makes the host proxy instead of sending invocation payloads.
        bindings.Should().HaveCount(2);
        var trigger = bindings[0];
        trigger["type"]!.GetValue<string>().Should().Be("httpTrigger");
        trigger["direction"]!.GetValue<string>().Should().Be("in");
        trigger["authLevel"]!.GetValue<string>().Should().Be("anonymous");
        trigger["route"]!.GetValue<string>().Should().Be("{*path}");
        trigger["methods"]!.AsArray().Select(m => m!.GetValue<string>())
            .Should().BeEquivalentTo("get", "post", "put", "patch", "delete", "head", "options");
        bindings[1]["type"]!.GetValue<string>().Should().Be("http");
        bindings[1]["direction"]!.GetValue<string>().Should().Be("out");
    }

    [Fact]
    public void A_service_bus_queue_agent_gets_a_binary_auto_completing_service_bus_trigger()
    {
        var trigger = Trigger(FunctionJson.ForAgent(TestAgents.ServiceBusQueue("orders", "orders-in", connection: "Bus")));

        trigger["type"]!.GetValue<string>().Should().Be("serviceBusTrigger");
        trigger["queueName"]!.GetValue<string>().Should().Be("orders-in");
        trigger["connection"]!.GetValue<string>().Should().Be("Bus");
        trigger["autoCompleteMessages"]!.GetValue<bool>().Should().BeTrue();
        trigger.ContainsKey("topicName").Should().BeFalse();
        trigger.ContainsKey("cardinality").Should().BeFalse("cardinality many would turn Data into a stringified array");
    }

    [Fact]
    public void A_service_bus_topic_agent_names_its_topic_and_subscription_and_no_queue()
    {
        var trigger = Trigger(FunctionJson.ForAgent(TestAgents.ServiceBusTopic("audit", "events", "audit-sub")));

        trigger["type"]!.GetValue<string>().Should().Be("serviceBusTrigger");
        trigger["topicName"]!.GetValue<string>().Should().Be("events");
        trigger["subscriptionName"]!.GetValue<string>().Should().Be("audit-sub");
        trigger["connection"]!.GetValue<string>().Should().Be("ServiceBusConnection");
        trigger.ContainsKey("queueName").Should().BeFalse();
    }

    [Fact]
    public void A_storage_queue_agent_gets_a_binary_queue_trigger_on_its_connection()
    {
        var trigger = Trigger(FunctionJson.ForAgent(TestAgents.StorageQueue("thumbs", "images")));

        trigger["type"]!.GetValue<string>().Should().Be("queueTrigger");
        trigger["queueName"]!.GetValue<string>().Should().Be("images");
        trigger["connection"]!.GetValue<string>().Should().Be("AzureWebJobsStorage");
    }

    [Fact]
    public void An_amqp_agent_gets_a_rabbitmq_trigger_on_the_uri_setting_with_its_queue()
    {
        var trigger = Trigger(FunctionJson.ForAgent(TestAgents.RabbitMq("legacy", "legacy-q")));

        trigger["type"]!.GetValue<string>().Should().Be("rabbitMQTrigger");
        trigger["queueName"]!.GetValue<string>().Should().Be("legacy-q");
        trigger["connectionStringSetting"]!.GetValue<string>().Should().Be("RabbitMQConnection");

        // Extension 2.x reads only the URI: the 1.x host/port/user settings would be ignored.
        trigger.ContainsKey("hostName").Should().BeFalse();
        trigger.ContainsKey("connection").Should().BeFalse();
    }

    [Fact]
    public void A_memory_agent_gets_no_function()
    {
        FunctionJson.ForAgent(TestAgents.Memory("local")).Should().BeNull();
    }

    /// <summary>Checks what every function.json needs (reference §1) and returns the bindings.</summary>
    internal static IReadOnlyList<JsonObject> Bindings(JsonNode? function)
    {
        function.Should().BeOfType<JsonObject>();
        var bindings = function!["bindings"].Should().BeOfType<JsonArray>().Subject.Select(b => b.Should().BeOfType<JsonObject>().Subject).ToList();
        foreach (var binding in bindings)
        {
            binding["type"]!.GetValue<string>().Should().NotBeEmpty();
            binding["name"]!.GetValue<string>().Should().NotBeEmpty();
            binding["direction"]!.GetValue<string>().Should().BeOneOf("in", "out");
        }

        bindings.Count(b => b["direction"]!.GetValue<string>() == "in" && b["type"]!.GetValue<string>().EndsWith("Trigger", StringComparison.Ordinal))
            .Should().Be(1, "a function has exactly one trigger");
        return bindings;
    }

    /// <summary>The single binding of an agent function: its trigger, named and typed as the invocation endpoint expects.</summary>
    internal static JsonObject Trigger(JsonNode? function)
    {
        var bindings = Bindings(function);
        bindings.Should().ContainSingle();
        var trigger = bindings[0];
        trigger["name"]!.GetValue<string>().Should().Be("message");
        trigger["direction"]!.GetValue<string>().Should().Be("in");
        trigger["dataType"]!.GetValue<string>().Should().Be("binary", "a string-typed trigger double-encodes the message");
        return trigger;
    }
}
