using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Resilience;

/// <summary>
/// The state a backend definition keeps between requests: its circuit breaker, its rate-limit bucket, its cache, its
/// OAuth2 token. One per backend definition and kind, found by the backend's JSON path, so that every pipe built for
/// the same backend (the endpoint's, a durable engine's step) shares it, as KrakenD shares one per backend.
/// </summary>
/// <param name="time">The clock of buckets, breakers, cache freshness and token expiry.</param>
/// <param name="loggers">Where state changes and failures are logged.</param>
public sealed class BackendStates(TimeProvider? time = null, ILoggerFactory? loggers = null)
{
    private readonly ConcurrentDictionary<(string Path, Type Kind), object?> _states = new();

    /// <summary>The clock of every state.</summary>
    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    /// <summary>The logs of every state.</summary>
    public ILoggerFactory Loggers { get; } = loggers ?? NullLoggerFactory.Instance;

    /// <summary>
    /// The backend's state of kind <typeparamref name="T"/>, created by <paramref name="create"/> the first time (null,
    /// when the backend needs none, is remembered too).
    /// </summary>
    public T For<T>(BackendConfig backend, Func<BackendConfig, T> create)
        where T : class?
    {
        ArgumentNullException.ThrowIfNull(backend);
        return (T)_states.GetOrAdd((backend.JsonPath, typeof(T)), static (_, args) => args.create(args.backend), (backend, create))!;
    }

    /// <summary>A state shared by every backend that asks for <paramref name="name"/> (a shared cache).</summary>
    public T Shared<T>(string name, Func<T> create)
        where T : class =>
        (T)_states.GetOrAdd(("shared:" + name, typeof(T)), static (_, create) => create(), create)!;
}
