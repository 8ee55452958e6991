using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class VersionValidatorTests
{
    [Theory]
    [InlineData("2", "version: unsupported version: 2 (want: 3)")]
    [InlineData("1", "version: unsupported version: 1 (want: 3)")]
    [InlineData("4", "version: unsupported version: 4 (want: 3)")]
    public void Versions_other_than_3_are_unsupported(string version, string error)
    {
        LoadErrors($"{{\"version\": {version}}}").Should().Equal(error);
    }

    [Fact]
    public void A_missing_version_is_unsupported()
    {
        LoadErrors("{}").Should().Equal("version: unsupported version: 0 (want: 3)");
    }

    [Fact]
    public void A_version_of_the_wrong_type_is_reported_once()
    {
        LoadErrors("""{"version": "3"}""").Should().Equal("version: expected an integer, got string \"3\"");
    }
}
