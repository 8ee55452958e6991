namespace Switchyard.Core.Configuration;

/// <summary>One problem found in a configuration file.</summary>
/// <param name="Path">
/// The JSON path of the offending value, such as <c>endpoints[2].backend[0].url_pattern</c>; <c>$</c> is
/// the whole document; for a file that is not JSON yet (a flexible configuration's template or settings), the
/// file and where in it, such as <c>krakend.tmpl:12:5</c>.
/// </param>
/// <param name="Message">What is wrong, such as <c>undefined output param 'id'!</c>.</param>
public sealed record ConfigProblem(string Path, string Message)
{
    /// <summary>The path of the whole document.</summary>
    public const string RootPath = "$";

    public override string ToString() => $"{Path}: {Message}";
}
