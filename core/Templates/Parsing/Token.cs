namespace Switchyard.Templates.Parsing;

/// <summary>One token: its kind, where it starts in the template text (a character index) and its text.</summary>
internal readonly record struct Token(TokenKind Kind, int Position, string Value)
{
    /// <summary>The token as Go's parser names it in <c>unexpected X in Y</c> messages.</summary>
    public override string ToString() => Kind switch
    {
        TokenKind.EOF => "EOF",
        TokenKind.Error => Value,
        >= TokenKind.Block => $"<{Value}>",
        _ when Value.Length > 10 => GoQuote.Quote(Value[..10]) + "...",
        _ => GoQuote.Quote(Value),
    };
}
