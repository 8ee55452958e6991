using OpenTelemetry.Resources;
using Switchyard.Core.Telemetry.OpenTelemetry;

namespace Switchyard.Functions.Telemetry;

/// <summary>What every span and metric of this process describes: the service, its version, its environment, this instance.</summary>
internal static class TelemetryResource
{
    public static ResourceBuilder Describe(ResourceBuilder resource, OpenTelemetryOptions options)
    {
        // service.instance.id tells the instances of a scaled-out function app apart.
        resource.AddService(options.ServiceName, serviceVersion: options.ServiceVersion, autoGenerateServiceInstanceId: true);
        if (options.DeployEnv is { } environment)
        {
            resource.AddAttributes([new("deployment.environment", environment)]);
        }

        return resource;
    }
}
