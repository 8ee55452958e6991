namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// Supplies the values of an expression's variables for one evaluation, lazily: a variable is asked for only when the
/// expression reads it, and at most once per evaluation.
/// </summary>
/// <remarks>
/// Values may be <see cref="string"/>, <see cref="bool"/>, <see cref="long"/>/<see cref="int"/>, <see cref="double"/>,
/// <see cref="DateTimeOffset"/> (timestamp), <see cref="TimeSpan"/> (duration),
/// <c>IReadOnlyDictionary&lt;string, string&gt;</c>, <c>IReadOnlyDictionary&lt;string, string[]&gt;</c>,
/// <see cref="System.Text.Json.Nodes.JsonNode"/> or null.
/// </remarks>
public interface ICelActivation
{
    /// <summary>The value of <paramref name="name"/>; false when this activation has none (a runtime error if read).</summary>
    bool TryResolve(string name, out object? value);
}
