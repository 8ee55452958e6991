using Switchyard.Templates;

namespace Switchyard.Core.Configuration.Flexible;

/// <summary>What rendering a flexible configuration gave: the JSON text, or the errors that stopped it.</summary>
/// <param name="Json">The rendered text; null when there are errors.</param>
/// <param name="Errors">
/// Settings that could not be read (<c>settings/env.json:3:5</c>: ...), and template errors with their position
/// (<c>krakend.tmpl:12:5: function "foo" not defined</c>).
/// </param>
/// <param name="NoValues">
/// The actions that printed <c>&lt;no value&gt;</c> (a key the settings do not have), with their template positions.
/// </param>
public sealed record FlexibleRendering(string? Json, IReadOnlyList<ConfigProblem> Errors, IReadOnlyList<PrintedNoValue> NoValues);
