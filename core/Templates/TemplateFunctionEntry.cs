namespace Switchyard.Templates;

/// <summary>
/// A registered function and the number of arguments it takes: exactly <see cref="Parameters"/>, at least that many
/// when <see cref="IsVariadic"/>, or any number when <see cref="Parameters"/> is negative (the function checks).
/// </summary>
internal sealed record TemplateFunctionEntry(TemplateFunction Function, int Parameters, bool IsVariadic);
