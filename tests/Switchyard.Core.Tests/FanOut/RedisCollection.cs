using Switchyard.Testing;

namespace Switchyard.Core.Tests.FanOut;

/// <summary>The tests that share one private Redis server; they run one at a time (some stop and restart it).</summary>
[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisServer>
{
    public const string Name = "Redis";
}
