using Switchyard.Testing;

namespace Switchyard.Core.Tests.Agents.Amqp;

/// <summary>The tests that share one private RabbitMQ node (it takes seconds to start); they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqCollection : ICollectionFixture<RabbitMqServer>
{
    public const string Name = "RabbitMQ";
}
