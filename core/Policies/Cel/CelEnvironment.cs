namespace Switchyard.Core.Policies.Cel;

/// <summary>The variables expressions may read, with their types, and the functions they may call.</summary>
public sealed class CelEnvironment
{
    private static readonly CelType StringList = CelType.ListOf(CelType.String);

    private readonly IReadOnlyDictionary<string, CelType> _variables;
    private readonly CelFunctionRegistry _functions;

    internal CelEnvironment(IReadOnlyDictionary<string, CelType> variables, CelFunctionRegistry functions)
    {
        _variables = variables;
        _functions = functions;
    }

    /// <summary>
    /// The gateway's variables, as KrakenD declares them: <c>req_method</c>, <c>req_path</c> (string),
    /// <c>req_params</c> (map of string), <c>req_headers</c>, <c>req_querystring</c> and <c>resp_metadata_headers</c>
    /// (map of list of string), <c>resp_data</c> (map of dyn), <c>resp_completed</c> (bool),
    /// <c>resp_metadata_status</c> (int), <c>now</c> (timestamp) and <c>JWT</c> (map of dyn: the validated token's
    /// claims, where <c>auth/validator</c> runs).
    /// </summary>
    public static CelEnvironment Gateway { get; } = new(
        new Dictionary<string, CelType>(StringComparer.Ordinal)
        {
            ["req_method"] = CelType.String,
            ["req_path"] = CelType.String,
            ["req_params"] = CelType.MapOf(CelType.String, CelType.String),
            ["req_headers"] = CelType.MapOf(CelType.String, StringList),
            ["req_querystring"] = CelType.MapOf(CelType.String, StringList),
            ["resp_data"] = CelType.MapOf(CelType.String, CelType.Dyn),
            ["resp_completed"] = CelType.Bool,
            ["resp_metadata_status"] = CelType.Int,
            ["resp_metadata_headers"] = CelType.MapOf(CelType.String, StringList),
            ["now"] = CelType.Timestamp,
            ["JWT"] = CelType.MapOf(CelType.String, CelType.Dyn),
        },
        CelFunctionRegistry.Standard);

    /// <summary>
    /// Parses and type-checks <paramref name="expression"/>. A syntax error stops at the first problem; type errors
    /// are all reported. Do this once, when the configuration loads, and evaluate the program per request.
    /// </summary>
    public CelCompileResult Compile(string expression)
    {
        CelExpr parsed;
        try
        {
            parsed = CelParser.Parse(expression);
        }
        catch (CelSyntaxException exception)
        {
            return new CelCompileResult(null, [new CelDiagnostic(exception.Position + 1, "Syntax error: " + exception.Message)]);
        }

        var (type, errors, variables) = CelChecker.Check(parsed, _variables, _functions);
        if (errors.Count > 0)
        {
            return new CelCompileResult(null, errors);
        }

        var (root, slotCount) = CelPlanner.Plan(parsed, _functions);
        return new CelCompileResult(new CelProgram(expression, root, slotCount, variables, type.ToString()), []);
    }
}
