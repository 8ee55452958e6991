namespace Switchyard.Templates.Parsing;

/// <summary><c>.a.b</c>: map keys looked up from dot.</summary>
internal sealed class FieldNode(int position, string[] names) : Node(position)
{
    public string[] Names { get; } = names;

    public override string ToString() => "." + string.Join(".", Names);
}
