namespace Switchyard.Templates.Parsing;

/// <summary>Plain text, copied to the output.</summary>
internal sealed class TextNode(int position, string text) : Node(position)
{
    public string Text { get; } = text;

    public override string ToString() => GoQuote.Quote(Text);
}
