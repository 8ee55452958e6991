namespace Switchyard.Templates.Parsing;

/// <summary><c>{{template "name" pipeline}}</c> (and the call a <c>{{block}}</c> makes).</summary>
internal sealed class TemplateNode(int position, string name, PipeNode? pipe) : Node(position)
{
    public string Name { get; } = name;

    public PipeNode? Pipe { get; } = pipe;

    public override string ToString() =>
        Pipe is null ? $"{{{{template {GoQuote.Quote(Name)}}}}}" : $"{{{{template {GoQuote.Quote(Name)} {Pipe}}}}}";
}
