using System.Text.Json;
using System.Text.Json.Nodes;
using DurableTask.Core;
using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Durable;

/// <summary>
/// One backend call of a durable flow, run by whichever process of the task hub takes it: the same request builder,
/// HTTP call, decoder and formatter an in-memory pipe uses (<see cref="ProxyFactory.CreateBackend"/>), within the
/// backend's timeout, with the step's <c>Idempotency-Key</c>. It never throws: every failure is an answer the flow
/// decides on (retry, compensation), recorded in its history. A process that dies during the call leaves the step to
/// be run again by another (at least once): the key lets the backend recognise it.
/// </summary>
internal sealed class StepActivity(DurablePipes pipes, ProxyFactory proxies) : AsyncTaskActivity<string, string>
{
    /// <summary>The name flows schedule it by.</summary>
    public const string Name = "switchyard.step";

    // One pipe per backend, built on first use: the calls are the same for every flow (the engine is given this one
    // instance for every execution).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Proxy> _built = new(StringComparer.Ordinal);

    /// <summary>The activity's input: which backend, with which request and key.</summary>
    public static string Input(string backendPath, ProxyRequest request, string idempotencyKey) => DurableJson.Text(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("backend", backendPath);
        writer.WriteString("key", idempotencyKey);
        writer.WritePropertyName("request");
        DurableJson.WriteRequest(writer, request);
        writer.WriteEndObject();
    });

    protected override async Task<string> ExecuteAsync(TaskContext context, string input)
    {
        var step = JsonNode.Parse(input)!.AsObject();
        var backendPath = step["backend"]!.GetValue<string>();
        var backend = pipes.Backend(backendPath);
        var request = DurableJson.ReadRequest(step["request"]!.AsObject()) with { IdempotencyKey = step["key"]!.GetValue<string>() };

        using var deadline = new CancellationTokenSource(backend.Timeout);
        ProxyResponse response;
        try
        {
            response = await ProxyOf(backendPath).Invoke(request, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            response = ProxyResponse.Failed(ProxyError.DeadlineExceeded);
        }
        catch (Exception exception) when (exception is HttpRequestException or IOException or JsonException)
        {
            response = ProxyResponse.Failed(exception.Message);
        }

        return DurableJson.Write(response);
    }

    // The flow races concurrent calls itself, one step each: the call here is a single one.
    private Proxy ProxyOf(string backendPath) =>
        _built.GetOrAdd(backendPath, path => proxies.CreateBackend(pipes.Backend(path) with { ConcurrentCalls = 1, Workflow = null }));
}
