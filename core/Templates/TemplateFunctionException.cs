namespace Switchyard.Templates;

/// <summary>
/// Thrown by a <see cref="TemplateFunction"/> that cannot produce a value (Go's non-nil second result). The executor
/// reports it as <c>error calling NAME: message</c> at the position of the call.
/// </summary>
public sealed class TemplateFunctionException(string message) : Exception(message);
