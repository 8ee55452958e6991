namespace Switchyard.Templates;

/// <summary>
/// A function a template calls by name (Go's <c>template.FuncMap</c> entry). It receives the evaluated arguments in the
/// template's value model (see <see cref="GoValues"/>) and returns one value in that model. A function reports failure by
/// throwing <see cref="TemplateFunctionException"/>; the executor stops there with Go's
/// <c>error calling NAME: message</c> and the position of the call.
/// </summary>
public delegate object? TemplateFunction(IReadOnlyList<object?> arguments);
