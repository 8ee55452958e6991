using Switchyard.Core.Policies.Cel;

namespace Switchyard.Core.Tests.Policies.Cel;

/// <summary>Compiles and runs expressions for tests, against the gateway's variables or a test environment.</summary>
internal static class Cel
{
    /// <summary>Variables of every shape, for tests that need more than the gateway declares.</summary>
    public static readonly CelEnvironment Test = new(
        new Dictionary<string, CelType>(StringComparer.Ordinal)
        {
            ["i"] = CelType.Int,
            ["s"] = CelType.String,
            ["b"] = CelType.Bool,
            ["x"] = CelType.Dyn,
            ["y"] = CelType.Dyn,
            ["m"] = CelType.MapOf(CelType.String, CelType.Dyn),
            ["l"] = CelType.ListOf(CelType.Int),
            ["now"] = CelType.Timestamp,
        },
        CelFunctionRegistry.Standard);

    public static CelProgram Compile(string expression, CelEnvironment? environment = null)
    {
        var result = (environment ?? Test).Compile(expression);
        result.Errors.Should().BeEmpty("'{0}' should compile", expression);
        return result.Program!;
    }

    public static CelDiagnostic CompileError(string expression, CelEnvironment? environment = null)
    {
        var result = (environment ?? Test).Compile(expression);
        result.Program.Should().BeNull("'{0}' should not compile", expression);
        return result.Errors.Should().ContainSingle().Subject;
    }

    public static object? Evaluate(string expression, IReadOnlyDictionary<string, object?>? variables = null) =>
        Compile(expression).Evaluate(Activation(variables));

    /// <summary>The runtime error message of an expression that compiles but fails.</summary>
    public static string RuntimeError(string expression, IReadOnlyDictionary<string, object?>? variables = null)
    {
        var program = Compile(expression);
        program.IsSatisfied(Activation(variables), out var error).Should().BeFalse();
        error.Should().NotBeNull("'{0}' should fail at run time", expression);
        return error!;
    }

    private static CelTestActivation Activation(IReadOnlyDictionary<string, object?>? variables) =>
        variables is null ? CelTestActivation.Empty : new CelTestActivation(variables);
}
