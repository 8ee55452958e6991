namespace Switchyard.Templates;

/// <summary>
/// A template that cannot be parsed or executed. The message reads <c>NAME:LINE:COLUMN: text</c> (line and column
/// 1-based), with Go's wording after the position, e.g. <c>krakend.tmpl:12:5: function "foo" not defined</c> or
/// <c>krakend.tmpl:3:14: executing "krakend.tmpl" at &lt;.a.b&gt;: nil pointer evaluating interface {}.b</c>.
/// </summary>
public sealed class TemplateException : Exception
{
    public TemplateException(string templateName, int line, int column, string text)
        : base(line > 0 ? $"{templateName}:{line}:{column}: {text}" : $"{templateName}: {text}")
    {
        TemplateName = templateName;
        Line = line;
        Column = column;
        Text = text;
    }

    /// <summary>The name of the template (file) the fault is in.</summary>
    public string TemplateName { get; }

    /// <summary>The 1-based line of the token at fault; 0 when the fault has no place in the text (a missing template).</summary>
    public int Line { get; }

    /// <summary>The 1-based column (in characters) of the token at fault.</summary>
    public int Column { get; }

    /// <summary>The message without its position.</summary>
    public string Text { get; }
}
