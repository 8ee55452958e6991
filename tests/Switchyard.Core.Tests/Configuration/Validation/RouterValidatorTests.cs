using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class RouterValidatorTests
{
    [Fact]
    public void Health_path_must_start_with_a_slash()
    {
        LoadErrors("""{"version": 3, "extra_config": {"router": {"health_path": "health"}}}""").Should().Equal(
            "extra_config.router.health_path: must start with '/', got 'health'");
    }
}
