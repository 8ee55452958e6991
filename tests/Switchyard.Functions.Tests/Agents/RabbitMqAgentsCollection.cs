using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Agents;

/// <summary>
/// The gateway tests that share one private RabbitMQ node (it takes seconds to start); they run one at a time, and
/// alone, after the parallel collections: several of them measure rates and concurrency by the clock.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RabbitMqAgentsCollection : ICollectionFixture<RabbitMqServer>
{
    public const string Name = "RabbitMQ agents";
}
