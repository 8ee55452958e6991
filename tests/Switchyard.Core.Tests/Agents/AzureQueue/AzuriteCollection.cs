using Switchyard.Testing;

namespace Switchyard.Core.Tests.Agents.AzureQueue;

/// <summary>The Storage queue driver tests share one private Azurite; each test has queues of its own.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteServer>
{
    public const string Name = "Azurite (agents)";
}
