using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class FlatmapFilterValidatorTests
{
    private static string WithBackendFilter(string operations) =>
        ServiceWithBackend("\"extra_config\": {\"proxy\": {\"flatmap_filter\": [" + operations + "]}}");

    [Theory]
    [InlineData("""{"type": "move", "args": ["a", "b"]}""")]
    [InlineData("""{"type": "append", "args": ["a", "b"]}""")]
    [InlineData("""{"type": "del", "args": ["a"]}""")]
    [InlineData("""{"type": "del", "args": ["a", "b.*.c"]}""")]
    public void Well_formed_operations_are_accepted(string operation)
    {
        LoadValid(WithBackendFilter(operation));
    }

    [Theory]
    [InlineData("""{"type": "copy", "args": ["a", "b"]}""", "[0].type: unknown operation 'copy' (want: move, del or append)")]
    [InlineData("""{"args": ["a"]}""", "[0].type: unknown operation '' (want: move, del or append)")]
    [InlineData("""{"type": "move", "args": ["a"]}""", "[0].args: 'move' needs 2 args, got 1")]
    [InlineData("""{"type": "append", "args": ["a", "b", "c"]}""", "[0].args: 'append' needs 2 args, got 3")]
    [InlineData("""{"type": "del", "args": []}""", "[0].args: 'del' needs at least 1 args, got 0")]
    [InlineData("""{"type": "del"}""", "[0].args: 'del' needs at least 1 args, got 0")]
    public void Malformed_operations_are_errors(string operation, string error)
    {
        LoadErrors(WithBackendFilter(operation)).Should().Equal(
            "endpoints[0].backend[0].extra_config.proxy.flatmap_filter" + error);
    }

    [Fact]
    public void Endpoint_operations_are_checked_and_indexes_follow_the_file()
    {
        LoadErrors(Service("""
            {"endpoint": "/e", "backend": [{"url_pattern": "/a"}, {"url_pattern": "/b"}],
             "extra_config": {"proxy": {"flatmap_filter": [{"type": "del", "args": ["a"]}, 7, {"type": "move", "args": ["a"]}]}}}
            """)).Should().Equal(
            "endpoints[0].extra_config.proxy.flatmap_filter[1]: expected an object, got number 7",
            "endpoints[0].extra_config.proxy.flatmap_filter[2].args: 'move' needs 2 args, got 1");
    }

    [Fact]
    public void An_operation_with_a_type_error_is_reported_once()
    {
        LoadErrors(WithBackendFilter("""{"type": 1, "args": ["a"]}""")).Should().Equal(
            "endpoints[0].backend[0].extra_config.proxy.flatmap_filter[0].type: expected a string, got number 1");
    }
}
