namespace Switchyard.Templates.Parsing;

/// <summary><c>$x</c> or <c>$x.a.b</c>: a variable, then map keys looked up from its value.</summary>
internal sealed class VariableNode(int position, string name, string[] fields) : Node(position)
{
    public string Name { get; } = name;

    public string[] Fields { get; } = fields;

    public override string ToString() => Fields.Length == 0 ? Name : Name + "." + string.Join(".", Fields);
}
