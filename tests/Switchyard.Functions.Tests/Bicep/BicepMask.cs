using System.Text;

namespace Switchyard.Functions.Tests.Bicep;

/// <summary>
/// Blanks what is not code in Bicep text, keeping every offset: comments and the literal parts of strings become
/// spaces, so that braces, colons and names inside them are never mistaken for declarations. Interpolations
/// (<c>${x}</c>) stay visible because they are code.
/// </summary>
internal static class BicepMask
{
    /// <summary>The masked copy of <paramref name="text"/>, of the same length.</summary>
    public static string Apply(string text)
    {
        var masked = new StringBuilder(text);
        // One entry per open interpolation: the brace depth inside it, so that its closing brace is recognised.
        var interpolations = new Stack<int>();
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            if (inString)
            {
                masked[i] = c == '\n' ? '\n' : ' ';
                if (c == '\\' || (c == '$' && next == '{'))
                {
                    masked[++i] = ' ';
                    if (c == '$')
                    {
                        interpolations.Push(0);
                        inString = false;
                    }
                }
                else
                {
                    inString = c != '\'';
                }
            }
            else if (c == '/' && next == '/')
            {
                for (; i < text.Length && text[i] != '\n'; i++)
                {
                    masked[i] = ' ';
                }
            }
            else if (c == '\'')
            {
                masked[i] = ' ';
                inString = true;
            }
            else if (c == '{' && interpolations.Count > 0)
            {
                interpolations.Push(interpolations.Pop() + 1);
            }
            else if (c == '}' && interpolations.Count > 0)
            {
                var depth = interpolations.Pop();
                if (depth == 0)
                {
                    masked[i] = ' ';
                    inString = true;
                }
                else
                {
                    interpolations.Push(depth - 1);
                }
            }
        }

        return masked.ToString();
    }

    /// <summary>
    /// The object or array opened at <paramref name="open"/> (an index of <c>{</c> or <c>[</c> in both texts), without
    /// its delimiters.
    /// </summary>
    public static BicepBody Block(string text, string masked, int open)
    {
        var depth = 0;
        for (var i = open; i < masked.Length; i++)
        {
            if (masked[i] is '{' or '[')
            {
                depth++;
            }
            else if (masked[i] is '}' or ']' && --depth == 0)
            {
                return new BicepBody(text.Substring(open + 1, i - open - 1), masked.Substring(open + 1, i - open - 1));
            }
        }

        throw new FormatException($"unbalanced braces from offset {open}");
    }
}
