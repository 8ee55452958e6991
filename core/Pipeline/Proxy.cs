namespace Switchyard.Core.Pipeline;

/// <summary>
/// The one function type of the pipeline: every layer (merge, sequential, concurrent calls, formatter,
/// the HTTP call itself...) takes a request and answers a response. Failures are values
/// (<see cref="ProxyResponse.Error"/>), not exceptions, because partial results must travel with them.
/// </summary>
public delegate ValueTask<ProxyResponse> Proxy(ProxyRequest request, CancellationToken cancellationToken);
