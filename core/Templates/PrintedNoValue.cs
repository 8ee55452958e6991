namespace Switchyard.Templates;

/// <summary>
/// An action that printed <c>&lt;no value&gt;</c>: Go's text for a key the data does not have (or nothing at all),
/// which a template meant to write JSON usually did not intend.
/// </summary>
/// <param name="TemplateName">The file (parse name) the action is in.</param>
/// <param name="Line">Its line, from 1.</param>
/// <param name="Column">Its column, from 1, in characters.</param>
/// <param name="Action">The action as written again from its parse tree: <c>{{.service.port}}</c>.</param>
public sealed record PrintedNoValue(string TemplateName, int Line, int Column, string Action)
{
    public override string ToString() => $"{TemplateName}:{Line}:{Column}: {Action} printed <no value>";
}
