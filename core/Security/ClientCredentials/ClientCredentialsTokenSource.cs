using Microsoft.Extensions.Logging;

namespace Switchyard.Core.Security.ClientCredentials;

/// <summary>
/// The token of one backend definition, shared by every call to it: reused until <see cref="AccessToken.RenewBefore"/>
/// before it expires, then renewed by one request while the others wait for that same renewal (no burst of token
/// requests); a failed renewal fails every request that waited for it, logged once.
/// </summary>
internal sealed partial class ClientCredentialsTokenSource(TokenEndpointClient endpoint, string tokenUrl, TimeSpan timeout, TimeProvider time, ILogger logger)
{
    private readonly Lock _lock = new();
    private AccessToken? _token;
    private Task<AccessToken>? _renewal;

    /// <summary>A usable token; throws <see cref="TokenEndpointException"/> when the token endpoint gives none.</summary>
    public Task<AccessToken> GetAsync(CancellationToken cancellationToken)
    {
        Task<AccessToken> renewal;
        lock (_lock)
        {
            if (_token is { } token && token.IsUsableAt(time.GetUtcNow()))
            {
                return Task.FromResult(token);
            }

            // Started on the thread pool so it never completes inside this lock, and cancelled by no caller: the ones
            // still waiting need its result.
            renewal = _renewal ??= Task.Run(RenewAsync, CancellationToken.None);
        }

        return renewal.WaitAsync(cancellationToken);
    }

    private async Task<AccessToken> RenewAsync()
    {
        try
        {
            using var deadline = new CancellationTokenSource(timeout);
            var token = await endpoint.RequestAsync(deadline.Token).ConfigureAwait(false);
            lock (_lock)
            {
                _token = token;
            }

            return token;
        }
        catch (TokenEndpointException exception)
        {
            LogFailure(logger, tokenUrl, exception.Reason);
            throw;
        }
        finally
        {
            lock (_lock)
            {
                _renewal = null;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "auth/client-credentials: the token endpoint {TokenUrl} gave no token ({Reason}); the backend is not called")]
    private static partial void LogFailure(ILogger logger, string tokenUrl, string reason);
}
