using Switchyard.Core.Durable;

namespace Switchyard.Core.Tests.Durable;

public sealed class StorageAccountAddressTests
{
    [Theory]
    [InlineData("UseDevelopmentStorage=true")]
    [InlineData("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1")]
    public void Settings_are_a_connection_string(string connection)
    {
        var address = StorageAccountAddress.Parse(connection, out _)!;

        address.ConnectionString.Should().Be(connection);
        address.Services.Should().BeNull();
    }

    [Fact]
    public void An_account_name_is_the_public_clouds_account_for_the_managed_identity()
    {
        var address = StorageAccountAddress.Parse("flowstore01", out _)!;

        address.ConnectionString.Should().BeNull();
        address.AccountName.Should().Be("flowstore01");
        address.Services.Should().Be((
            new Uri("https://flowstore01.blob.core.windows.net"),
            new Uri("https://flowstore01.queue.core.windows.net"),
            new Uri("https://flowstore01.table.core.windows.net")));
    }

    [Theory]
    [InlineData("https://flowstore01.queue.core.usgovcloudapi.net/")]
    [InlineData("https://flowstore01.blob.core.usgovcloudapi.net")]
    public void A_service_url_gives_every_service_of_its_account_on_its_own_cloud(string connection)
    {
        StorageAccountAddress.Parse(connection, out _)!.Services.Should().Be((
            new Uri("https://flowstore01.blob.core.usgovcloudapi.net"),
            new Uri("https://flowstore01.queue.core.usgovcloudapi.net"),
            new Uri("https://flowstore01.table.core.usgovcloudapi.net")));
    }

    [Fact]
    public void A_connection_string_without_a_credential_names_an_account_for_the_managed_identity()
    {
        var address = StorageAccountAddress.Parse("AccountName=flowstore01;EndpointSuffix=core.chinacloudapi.cn", out _)!;

        address.ConnectionString.Should().BeNull();
        address.AccountName.Should().Be("flowstore01");
        address.Services!.Value.Table.Should().Be(new Uri("https://flowstore01.table.core.chinacloudapi.cn"));
    }

    [Theory]
    [InlineData("Flow_Store")]
    [InlineData("ab")]
    [InlineData("http://flowstore01.blob.core.windows.net")]
    [InlineData("https://example.com")]
    [InlineData("https://flowstore01.files.core.windows.net")]
    public void Anything_else_is_refused_with_the_forms_it_may_take(string connection)
    {
        StorageAccountAddress.Parse(connection, out var problem).Should().BeNull();
        problem.Should().StartWith("must be an Azure Storage connection string");
    }

    [Fact]
    public void Settings_the_storage_cannot_read_are_refused_without_their_key()
    {
        StorageAccountAddress.Parse("AccountName=devstoreaccount1;AccountKey=c2VjcmV0LWtleQ==;Nonsense=1", out var problem).Should().BeNull();

        problem.Should().StartWith("not an Azure Storage connection string: ").And.NotContain("c2VjcmV0LWtleQ==");
    }
}
