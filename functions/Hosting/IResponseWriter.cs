using Microsoft.AspNetCore.Http;
using Switchyard.Core.Pipeline;

namespace Switchyard.Functions.Hosting;

/// <summary>Turns the pipe's answer into the HTTP response: <see cref="ResponseWriter"/>, or the signer's.</summary>
internal interface IResponseWriter
{
    Task WriteAsync(HttpContext context, ProxyResponse response);
}
