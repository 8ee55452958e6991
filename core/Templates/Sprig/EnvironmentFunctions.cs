using System.Text;

namespace Switchyard.Templates.Sprig;

/// <summary>
/// Sprig's <c>env "NAME"</c> (the variable, or the empty string) and <c>expandenv</c> (Go's <c>os.ExpandEnv</c>:
/// <c>$NAME</c> and <c>${NAME}</c> replaced, unknown names by nothing). The environment is read through a lookup so
/// tests give their own.
/// </summary>
internal static class EnvironmentFunctions
{
    public static void AddTo(TemplateFunctions functions, Func<string, string?> environment)
    {
        functions.Add("env", arguments =>
        {
            SprigArguments.Expect(arguments, "env", 1);
            return environment(SprigArguments.String(arguments, 0)) ?? "";
        });
        functions.Add("expandenv", arguments =>
        {
            SprigArguments.Expect(arguments, "expandenv", 1);
            return Expand(SprigArguments.String(arguments, 0), name => environment(name) ?? "");
        });
    }

    /// <summary>Go's <c>os.Expand</c>: a <c>$</c> not followed by a name stays; bad syntax (<c>${}</c>, <c>${x</c>) is dropped.</summary>
    public static string Expand(string text, Func<string, string> lookup)
    {
        var output = new StringBuilder(text.Length);
        var copied = 0;
        for (var j = 0; j < text.Length; j++)
        {
            if (text[j] != '$' || j + 1 >= text.Length)
            {
                continue;
            }

            output.Append(text, copied, j - copied);
            var (name, width) = ShellName(text, j + 1);
            if (name.Length > 0)
            {
                output.Append(lookup(name));
            }
            else if (width == 0)
            {
                output.Append('$');
            }

            j += width;
            copied = j + 1;
        }

        return output.Append(text, copied, text.Length - copied).ToString();
    }

    // Go's getShellName: ${NAME}, a one-character special ($1, $*, $#...), or a run of letters, digits and underscores.
    private static (string Name, int Width) ShellName(string text, int start)
    {
        if (text[start] == '{')
        {
            if (text.Length - start > 2 && IsSpecial(text[start + 1]) && text[start + 2] == '}')
            {
                return (text.Substring(start + 1, 1), 3);
            }

            for (var i = start + 1; i < text.Length; i++)
            {
                if (text[i] == '}')
                {
                    return i == start + 1 ? ("", 2) : (text[(start + 1)..i], i - start + 1);
                }
            }

            return ("", 1);
        }

        if (IsSpecial(text[start]))
        {
            return (text.Substring(start, 1), 1);
        }

        var end = start;
        while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
        {
            end++;
        }

        return (text[start..end], end - start);
    }

    private static bool IsSpecial(char c) => c is '*' or '#' or '$' or '@' or '!' or '?' or '-' || char.IsAsciiDigit(c);
}
