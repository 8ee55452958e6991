using System.Net;
using System.Text;

namespace Switchyard.Functions.Tests.Hosting;

/// <summary><c>examples/json-schema.json</c>, the README's JSON Schema example, served as written: it answers as the README says.</summary>
public sealed class JsonSchemaExampleTests
{
    [Fact]
    public async Task The_example_refuses_an_invalid_address_with_its_problems_and_passes_a_valid_one()
    {
        await using var gateway = await TestGateway.StartSelfCallingAsync(RepositoryFiles.Read("examples", "json-schema.json"));
        const string valid = """{"number": 7, "street_name": "Main", "street_type": "Avenue"}""";

        var refused = await gateway.Client.PostAsync("/address", new StringContent("""{"invalid": true}""", Encoding.UTF8));
        var accepted = await gateway.Client.PostAsync("/address", new StringContent(valid, Encoding.UTF8));

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Be("- at '': Required properties [\"number\",\"street_name\",\"street_type\"] are not present");
        accepted.StatusCode.Should().Be(HttpStatusCode.OK);
        (await accepted.Content.ReadAsStringAsync()).Should().Be("""{"req_body":"{\"number\": 7, \"street_name\": \"Main\", \"street_type\": \"Avenue\"}"}""");
    }
}
