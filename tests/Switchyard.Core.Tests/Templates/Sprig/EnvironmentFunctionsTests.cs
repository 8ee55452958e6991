using static Switchyard.Core.Tests.Templates.Sprig.SprigCall;

namespace Switchyard.Core.Tests.Templates.Sprig;

/// <summary>env and expandenv: Go's os.Getenv and os.ExpandEnv.</summary>
public sealed class EnvironmentFunctionsTests
{
    [Fact]
    public void Env_reads_a_variable_and_an_unset_one_is_empty()
    {
        Call("env", "HOME").Should().Be("/home/switchyard");
        Call("env", "UNSET_VARIABLE").Should().Be("");
    }

    [Theory]
    [InlineData("Your path is set to $HOME", "Your path is set to /home/switchyard")]
    [InlineData("http://127.0.0.1:${PORT}/x", "http://127.0.0.1:8080/x")]
    [InlineData("$PORT$PORT", "80808080")]
    [InlineData("$UNSET!", "!")]
    [InlineData("cost: 5$", "cost: 5$")]
    [InlineData("a $ b", "a $ b")]
    [InlineData("${}x", "x")]
    [InlineData("${PORT", "PORT")]
    [InlineData("$1", "")]
    [InlineData("no variables", "no variables")]
    public void Expandenv_replaces_variables_as_go_os_expandenv_does(string text, string expanded) =>
        Call("expandenv", text).Should().Be(expanded);
}
