using Switchyard.Testing;

namespace Switchyard.Functions.Tests.Durable;

/// <summary>The durable tests share one private Azurite; each test runs on its own task hub.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteServer>
{
    public const string Name = "Azurite";
}
