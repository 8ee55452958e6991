using System.Text.Json.Nodes;

namespace Switchyard.Functions.Hosting;

/// <summary>
/// The claims of the token <c>auth/validator</c> accepted, handed from the validator layer to the request reader
/// (an <see cref="Microsoft.AspNetCore.Http.HttpContext"/> feature), which puts them into the pipe's request.
/// </summary>
internal sealed record ValidatedClaims(JsonObject Claims);
