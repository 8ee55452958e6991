namespace Switchyard.Core.Configuration.Validation;

/// <summary>A <c>no-op</c> endpoint or workflow streams one backend's answer, so it cannot have several (shadow backends aside).</summary>
internal sealed class NoOpBackendsValidator : IConfigValidator
{
    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var endpoint in EndpointNode.AllEndpoints(config))
        {
            if (endpoint.OutputEncoding == EncodingNames.NoOp && endpoint.Backends.Count(b => !b.Proxy.Shadow) > 1)
            {
                problems.Error(
                    endpoint.JsonPath + ".output_encoding",
                    "can not use NoOp encoding with more than one backends connected to the same endpoint");
            }
        }
    }
}
