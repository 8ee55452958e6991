using Switchyard.Core.Configuration;
using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class OutputEncodingValidatorTests
{
    [Theory]
    [InlineData("json")]
    [InlineData("fast-json")]
    [InlineData("json-collection")]
    [InlineData("string")]
    [InlineData("xml")]
    [InlineData("yaml")]
    [InlineData("negotiate")]
    [InlineData("no-op")]
    public void Known_output_encodings_pass_silently(string encoding)
    {
        LoadWarnings(ServiceWithEndpoint($"\"output_encoding\": \"{encoding}\"")).Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_output_encoding_warns_once_where_it_is_written()
    {
        var result = ConfigLoader.Parse("""
            {"version": 3, "host": ["http://b"], "output_encoding": "jsn", "endpoints": [
              {"endpoint": "/a", "backend": [{"url_pattern": "/b"}]},
              {"endpoint": "/b", "output_encoding": "html", "backend": [{"url_pattern": "/b"}]}]}
            """);

        result.Errors.Should().BeEmpty();
        result.Config!.Endpoints[0].OutputEncoding.Should().Be("jsn");
        result.Warnings.Select(w => w.ToString()).Should().Equal(
            "output_encoding: unknown output encoding 'jsn' (the backend's encoding or json is used)",
            "endpoints[1].output_encoding: unknown output encoding 'html' (the backend's encoding or json is used)");
    }

    [Fact]
    public void A_workflow_output_encoding_is_checked_even_when_the_root_has_the_same()
    {
        var result = ConfigLoader.Parse("""
            {"version": 3, "host": ["http://b"], "output_encoding": "jsn", "endpoints": [
              {"endpoint": "/a", "output_encoding": "json", "backend": [{"url_pattern": "/w", "extra_config": {"workflow":
                {"endpoint": "/w", "output_encoding": "jsn", "backend": [{"url_pattern": "/x"}]}}}]}]}
            """);

        result.Warnings.Select(w => w.ToString()).Should().Equal(
            "output_encoding: unknown output encoding 'jsn' (the backend's encoding or json is used)",
            "endpoints[0].backend[0].extra_config.workflow.output_encoding: unknown output encoding 'jsn' (the backend's encoding or json is used)");
    }
}
