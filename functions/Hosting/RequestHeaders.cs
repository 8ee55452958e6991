using Microsoft.AspNetCore.Http;
using Switchyard.Core.Security;

namespace Switchyard.Functions.Hosting;

/// <summary>A request's headers as the core's security checks read them: the first value of a name, or null.</summary>
internal readonly struct RequestHeaders(IHeaderDictionary headers) : IRequestHeaders
{
    public string? First(string name) => FirstOf(headers[name]);

    /// <summary>The first of <paramref name="values"/>, or null when there is none (Go's <c>Header.Get</c> reads "").</summary>
    public static string? FirstOf(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 0 ? null : values[0];
}
