namespace Switchyard.Templates.Parsing;

/// <summary>The kinds of token the lexer produces (Go's <c>itemType</c>).</summary>
internal enum TokenKind
{
    Error,
    Bool,
    Char,
    CharConstant,
    Assign,
    Declare,
    EOF,
    Field,
    Identifier,
    LeftDelim,
    LeftParen,
    Number,
    Pipe,
    RawString,
    RightDelim,
    RightParen,
    Space,
    String,
    Text,
    Variable,

    // Keywords.
    Block,
    Break,
    Continue,
    Dot,
    Define,
    Else,
    End,
    If,
    Nil,
    Range,
    Template,
    With,
}
