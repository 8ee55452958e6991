using Switchyard.Core.Security;

namespace Switchyard.Core.Tests.Security;

/// <summary>Request headers for the security policies' tests: names ignore case, as HTTP's do.</summary>
internal readonly struct TestRequestHeaders(params (string Name, string Value)[] headers) : IRequestHeaders
{
    public string? First(string name) =>
        (headers ?? []).Where(header => string.Equals(header.Name, name, StringComparison.OrdinalIgnoreCase)).Select(header => header.Value).FirstOrDefault();
}
