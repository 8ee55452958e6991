using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Pipeline;

/// <summary>
/// <c>proxy.static</c>: after the merge, adds (or overwrites) the static keys when the strategy matches the outcome.
/// The error is kept, so a failed endpoint with static data answers 200 with the data and <c>completed: false</c>.
/// </summary>
internal static class StaticDataProxy
{
    public static Proxy Create(StaticDataOptions options, Proxy next) =>
        async (request, cancellationToken) => Apply(options, await next(request, cancellationToken).ConfigureAwait(false));

    /// <summary>The response with the static data added when the strategy matches (a durable pipe applies it too).</summary>
    public static ProxyResponse Apply(StaticDataOptions options, ProxyResponse response)
    {
        // A streamed no-op response cannot take data.
        if (response.Passthrough is not null || !Matches(options.Strategy, response))
        {
            return response;
        }

        var data = response.Data ?? [];
        foreach (var (key, value) in options.Data)
        {
            data[key] = value?.DeepClone();
        }

        return new ProxyResponse { Data = data, IsComplete = response.IsComplete, Error = response.Error };
    }

    private static bool Matches(StaticStrategy strategy, ProxyResponse response) => strategy switch
    {
        StaticStrategy.Always => true,
        StaticStrategy.Success => response.Error is null,
        StaticStrategy.Complete => response.Error is null && !response.IsEmpty && response.IsComplete,
        StaticStrategy.Errored => response.Error is not null,
        StaticStrategy.Incomplete => response.IsEmpty || !response.IsComplete,
        _ => false,
    };
}
