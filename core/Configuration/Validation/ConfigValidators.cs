namespace Switchyard.Core.Configuration.Validation;

/// <summary>Every rule, in the order their problems are best read.</summary>
internal static class ConfigValidators
{
    public static readonly IReadOnlyList<IConfigValidator> All =
    [
        new VersionValidator(),
        new PortValidator(),
        new ListenIpValidator(),
        new TlsKeyPairsValidator(),
        new TlsVersionRangeValidator(),
        new DurationValidator(),
        new RouterValidator(),
        new EndpointPathValidator(),
        new WorkflowEndpointValidator(),
        new EndpointMethodValidator(),
        new DuplicateEndpointValidator(),
        new WorkflowTimeoutValidator(),
        new ConcurrentCallsValidator(),
        new CircuitBreakerValidator(),
        new HedgingValidator(),
        new OutputEncodingValidator(),
        new BackendsRequiredValidator(),
        new NoOpBackendsValidator(),
        new UrlPatternParamsValidator(),
        new BackendHostValidator(),
        new ServiceDiscoveryValidator(),
        new FlatmapFilterValidator(),
        new SecurityPoliciesValidator(),
        new PolicyExpressionValidator(),
        new CorsCredentialsValidator(),
        new CorsOptionsValidator(),
        new AllowedHostsValidator(),
        new HttpSecurityOptionsValidator(),
        new BotDetectorValidator(),
        new HttpCacheValidator(),
        new ClientCredentialsValidator(),
        new RouterRateLimitValidator(),
        new ProxyRateLimitValidator(),
        new JwtClaimsUsageValidator(),
        new JwtSignerValidator(),
        new JwkFilesValidator(),
        new AsyncAgentNameValidator(),
        new AsyncAgentConsumerValidator(),
        new AsyncAgentDriverValidator(),
        new DurableValidator(),
    ];
}
