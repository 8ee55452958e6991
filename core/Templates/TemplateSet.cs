using Switchyard.Templates.Execution;
using Switchyard.Templates.Parsing;

namespace Switchyard.Templates;

/// <summary>
/// A set of associated templates (Go's <c>*template.Template</c> with its namespace): each <see cref="Parse"/> adds a
/// template and the <c>define</c>s it holds; any of them can then be executed by name and can call the others with
/// <c>{{template "name" .}}</c>. Parse once, execute many times; executing does not change the set.
/// </summary>
public sealed class TemplateSet(TemplateFunctions functions)
{
    private readonly Dictionary<string, TemplateTree> _templates = new(StringComparer.Ordinal);

    /// <summary>The functions templates of this set may call.</summary>
    public TemplateFunctions Functions { get; } = functions;

    /// <summary>
    /// Parses <paramref name="text"/> as the template <paramref name="name"/>; its <c>define</c>s join the set. A later
    /// definition replaces an earlier one, except that an empty body never replaces a non-empty one (Go's rule, which
    /// lets a file of <c>define</c>s be parsed after the template that uses them).
    /// </summary>
    /// <exception cref="TemplateException">The text is not a valid template.</exception>
    public void Parse(string name, string text)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (treeName, root) in Parser.Parse(name, text, Functions))
        {
            if (_templates.ContainsKey(treeName) && root.IsEmpty)
            {
                continue;
            }
            _templates[treeName] = new TemplateTree(treeName, name, text, root);
        }
    }

    internal bool TryGetTree(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out TemplateTree? tree) =>
        _templates.TryGetValue(name, out tree);

    // Go's DefinedTemplates, in name order so the message is stable.
    private string DefinedTemplates() =>
        _templates.Count == 0
            ? ""
            : "; defined templates are: " + string.Join(", ", Names.Select(GoQuote.Quote));

    /// <summary>The names of the templates in the set, in byte order.</summary>
    public IReadOnlyList<string> Names => [.. _templates.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Whether a template called <paramref name="name"/> is in the set.</summary>
    public bool Contains(string name) => _templates.ContainsKey(name);

    /// <summary>Executes the template <paramref name="name"/> with <paramref name="data"/> as dot, writing to <paramref name="output"/>.</summary>
    /// <param name="name">The template to execute.</param>
    /// <param name="data">Dot, and <c>$</c>.</param>
    /// <param name="output">Where the text goes.</param>
    /// <param name="noValues">When given, every action that printed <c>&lt;no value&gt;</c> is added to it.</param>
    /// <exception cref="TemplateException">The template is missing or fails while executing.</exception>
    public void Execute(string name, object? data, TextWriter output, ICollection<PrintedNoValue>? noValues = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!_templates.TryGetValue(name, out var tree))
        {
            throw new TemplateException(name, 0, 0, $"no template {GoQuote.Quote(name)} in the set{DefinedTemplates()}");
        }
        Executor.Execute(this, tree, data, output, noValues);
    }

    /// <summary>
    /// Executes the template <paramref name="name"/> with <paramref name="data"/> and returns what it wrote (with
    /// <paramref name="noValues"/> as <see cref="Execute"/> has it).
    /// </summary>
    /// <exception cref="TemplateException">The template is missing or fails while executing.</exception>
    public string Render(string name, object? data, ICollection<PrintedNoValue>? noValues = null)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        Execute(name, data, writer, noValues);
        return writer.ToString();
    }
}
