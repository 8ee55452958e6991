namespace Switchyard.Templates.Parsing;

/// <summary>The kinds of literal.</summary>
internal enum ConstantKind
{
    Nil,
    Bool,
    String,
    Number,
}
