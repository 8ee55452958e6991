using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class NoOpBackendsValidatorTests
{
    [Fact]
    public void No_op_with_two_backends_is_an_error()
    {
        LoadErrors(Service("""
            {"endpoint": "/e", "output_encoding": "no-op", "backend": [{"url_pattern": "/a"}, {"url_pattern": "/b"}]}
            """)).Should().Equal(
            "endpoints[0].output_encoding: can not use NoOp encoding with more than one backends connected to the same endpoint");
    }

    [Fact]
    public void No_op_with_one_backend_and_shadows_is_fine()
    {
        LoadValid(Service("""
            {"endpoint": "/e", "output_encoding": "no-op", "backend": [
              {"url_pattern": "/a"},
              {"url_pattern": "/b", "extra_config": {"proxy": {"shadow": true}}}]}
            """)).Endpoints[0].Backends.Should().HaveCount(2);
    }
}
