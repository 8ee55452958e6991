using System.Text.Json;
using System.Text.Json.Nodes;
using Switchyard.Core.FanOut;

namespace Switchyard.Core.Tests.FanOut;

public sealed class CeleryDocumentTests
{
    private const long Now = 1_700_000_100_000;

    [Fact]
    public void A_task_event_becomes_a_document_keyed_by_its_uuid_with_times_in_milliseconds()
    {
        var document = Document("""
            {"type":"task-sent","uuid":"u1","name":"tasks.add","hostname":"client@h","eta":"2023-11-14T22:13:30+00:00","expires":null,
             "timestamp":1700000000.25,"utcoffset":0,"pid":42,"clock":7}
            """);

        document["id"]!.GetValue<string>().Should().Be("u1");
        document.ContainsKey("type").Should().BeFalse();
        document.ContainsKey("uuid").Should().BeFalse();
        document.ContainsKey("expires").Should().BeFalse("nulls are dropped");
        document["kind"]!.GetValue<string>().Should().Be("task");
        document["state"]!.GetValue<string>().Should().Be("QUEUED");
        document["exact_timestamp"]!.GetValue<double>().Should().Be(1700000000.25);
        document["timestamp"]!.GetValue<long>().Should().Be(1700000000250);
        document["queued_at"]!.GetValue<long>().Should().Be(1700000000250);
        document["eta"]!.GetValue<long>().Should().Be(1700000010000);
        document["client"]!.GetValue<string>().Should().Be("client@h");
        document["name_parts"]!.ToJsonString().Should().Be("""{"module":"tasks","function":"add"}""");
        document["app_env"]!.GetValue<string>().Should().Be("prod");
        document["updated_at"]!.GetValue<long>().Should().Be(Now);
        document["events"]!.ToJsonString().Should().Be("""["QUEUED"]""");
        document["events_count"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public void A_worker_is_keyed_by_its_hostname()
    {
        var document = Document("""
            {"type":"worker-heartbeat","hostname":"w1@h","freq":2.0,"sw_ident":"py-celery","sw_ver":"5","sw_sys":"Linux",
             "timestamp":1700000000.0,"utcoffset":0,"pid":1,"clock":1}
            """);

        document["id"]!.GetValue<string>().Should().Be("w1@h");
        document["state"]!.GetValue<string>().Should().Be("HEARTBEAT");
        document["last_heartbeat_at"]!.GetValue<long>().Should().Be(1700000000000);
    }

    [Fact]
    public void Events_of_one_task_in_a_batch_merge_into_one_document()
    {
        var merged = CeleryBatchMerger.Merge([Task("task-started", 1.0), Task("task-succeeded", 2.0), Task("task-sent", 0.5, ""","name":"tasks.add" """)]);

        var document = merged.Should().ContainSingle().Subject;
        document["state"]!.GetValue<string>().Should().Be("SUCCEEDED", "a late QUEUED does not undo a terminal state");
        document["started_at"]!.GetValue<long>().Should().Be(1000);
        document["succeeded_at"]!.GetValue<long>().Should().Be(2000);
        document["queued_at"]!.GetValue<long>().Should().Be(500);
        document["name"]!.GetValue<string>().Should().Be("tasks.add");
        document["events"]!.ToJsonString().Should().Be("""["QUEUED","SUCCEEDED","STARTED"]""");
        document["events_count"]!.GetValue<int>().Should().Be(3);
    }

    [Fact]
    public void An_older_event_of_the_same_state_changes_nothing_but_the_count()
    {
        var merged = CeleryBatchMerger.Merge([Task("task-started", 2.0), Task("task-started", 1.0)]);

        merged.Single()["started_at"]!.GetValue<long>().Should().Be(2000);
        merged.Single()["events_count"]!.GetValue<int>().Should().Be(2);
    }

    [Theory]
    [InlineData("task-failed", "CRITICAL")]
    [InlineData("task-succeeded", "RECOVERED")]
    public void A_task_that_was_retried_ends_critical_or_recovered(string terminal, string state)
    {
        var merged = CeleryBatchMerger.Merge([Task("task-received", 1.0, ""","retries":1"""), Task(terminal, 2.0)]);

        merged.Single()["state"]!.GetValue<string>().Should().Be(state);
    }

    [Fact]
    public void Different_tasks_stay_apart_in_arrival_order()
    {
        var merged = CeleryBatchMerger.Merge([Task("task-started", 1.0, id: "a"), Task("task-started", 1.0, id: "b")]);

        merged.Select(document => document["id"]!.GetValue<string>()).Should().Equal("a", "b");
    }

    private static JsonObject Document(string json) => CeleryDocument.From(JsonDocument.Parse(json).RootElement, "prod", Now);

    private static JsonObject Task(string type, double timestamp, string extra = "", string id = "u1") =>
        Document($$"""{"type":"{{type}}","uuid":"{{id}}","timestamp":{{timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"utcoffset":0,"pid":1,"clock":1{{extra}}}""");
}
