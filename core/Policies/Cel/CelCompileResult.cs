namespace Switchyard.Core.Policies.Cel;

/// <summary>The outcome of <see cref="CelEnvironment.Compile"/>: a program, or the errors that prevent one.</summary>
/// <param name="Program">The compiled expression; null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Every problem found, in the order of the expression; empty on success.</param>
public sealed record CelCompileResult(CelProgram? Program, IReadOnlyList<CelDiagnostic> Errors);
