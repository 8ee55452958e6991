using Switchyard.Core.Pipeline;

namespace Switchyard.Core.Schemas;

/// <summary>
/// <c>validation/json-schema</c> in a pipe: a body that fails the schema is answered with its 400 and goes no further.
/// The body is only read: the backends send the buffered bytes the client sent.
/// </summary>
internal static class RequestSchemaProxy
{
    public static Proxy Create(RequestSchema schema, Proxy next) =>
        (request, cancellationToken) => schema.Check(request.Body) is { } rejected
            ? ValueTask.FromResult(ProxyResponse.Failed(rejected))
            : next(request, cancellationToken);
}
