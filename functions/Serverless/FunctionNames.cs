using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Switchyard.Core.Agents;
using Switchyard.Functions.Routing;

namespace Switchyard.Functions.Serverless;

/// <summary>
/// The names of the functions of a packaged app. A function's name is its folder, and the path the host POSTs its
/// invocations to (<c>POST /{name}</c>), so packaging and the invocation endpoint must agree on it. The host accepts
/// letters, digits, <c>_</c> and <c>-</c>, starting with a letter, at most 128 characters, compared without case.
/// </summary>
public static class FunctionNames
{
    /// <summary>
    /// The HTTP function catching every route no endpoint function takes: the built-in endpoints (<c>/__health</c>,
    /// <c>/__debug</c>...), preflight requests and 404s. The host tries HTTP routes in the order of the function names
    /// (ordinal, ignoring case), so this name must sort after every endpoint function's, which all start with the
    /// endpoint's method (<c>delete</c>, <c>get</c>, <c>patch</c>, <c>post</c>, <c>put</c>).
    /// </summary>
    public const string CatchAll = "wildcard";

    /// <summary>The longest name written; one under the host's limit, so a name never sits on the edge.</summary>
    public const int MaxLength = 127;

    /// <summary>Hex digits of the hash that tells truncated or colliding names apart.</summary>
    private const int HashLength = 8;

    /// <summary>
    /// The function of an agent: its name with every character a function name cannot hold replaced by <c>_</c>,
    /// prefixed with <c>agent_</c>.
    /// </summary>
    public static string For(AsyncAgentConfig agent)
    {
        var name = new StringBuilder("agent_", 6 + agent.Name.Length);
        foreach (var c in agent.Name)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_');
        }

        return name.Length <= 128 ? name.ToString() : name.ToString(0, 128);
    }

    /// <summary>
    /// The function of the endpoint <paramref name="method"/> <paramref name="route"/>, in lower case: the method, then
    /// each segment after a <c>_</c>, a literal as it is (any character a name cannot hold, <c>_</c> included, becomes
    /// <c>-</c>), a parameter as <c>_</c> and its name, the final catch-all as <c>__all</c> (so <c>/files/*</c> is <c>get_files___all</c>): <c>GET /users/{id}</c> is
    /// <c>get_users__id</c>. Because <c>_</c> sorts after letters, digits and <c>-</c>, two routes that can match the
    /// same path sort literal before parameter before catch-all, the order in which the gateway's router tries them,
    /// so the function the host picks is the endpoint's own. A name longer than <see cref="MaxLength"/> is cut and ends
    /// with <c>_</c> and a hash of the method and path (<see cref="WithHash"/>).
    /// </summary>
    internal static string For(string method, RoutePattern route)
    {
        var name = new StringBuilder(method.ToLowerInvariant());
        foreach (var segment in route.Segments)
        {
            name.Append('_');
            if (segment.IsParameter)
            {
                name.Append('_');
            }

            AppendLiteral(name, segment.Text);
        }

        if (route.HasCatchAll)
        {
            name.Append("___all");
        }

        return name.Length <= MaxLength ? name.ToString() : WithHash(name.ToString(), method, route.Text);
    }

    /// <summary>
    /// <paramref name="name"/> cut to leave room for <c>_</c> and the first hex digits of the SHA-256 of
    /// <c>METHOD path</c>: stable across runs, and different for endpoints whose names would otherwise be the same.
    /// </summary>
    internal static string WithHash(string name, string method, string path)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{method.ToUpperInvariant()} {path}"))));
        var kept = Math.Min(name.Length, MaxLength - HashLength - 1);
        return string.Concat(name.AsSpan(0, kept), "_", hash.AsSpan(0, HashLength));
    }

    private static void AppendLiteral(StringBuilder name, string text)
    {
        foreach (var c in text)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
    }
}
