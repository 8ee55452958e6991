using System.Text;
using System.Text.RegularExpressions;

namespace Switchyard.Functions.Tests.Bicep;

/// <summary>The inside of a Bicep object: its text and its masked text (<see cref="BicepMask"/>).</summary>
internal sealed partial record BicepBody(string Text, string Masked)
{
    /// <summary>The names of the object's own properties, in order (not those of nested objects).</summary>
    public IReadOnlyList<string> Keys => Property().Matches(TopLevel).Select(m => m.Groups["key"].Value).ToList();

    // The masked text with the inside of nested objects and arrays blanked: only the object's own lines remain.
    private string TopLevel
    {
        get
        {
            var flat = new StringBuilder(Masked);
            var depth = 0;
            for (var i = 0; i < flat.Length; i++)
            {
                var c = flat[i];
                depth -= c is '}' or ']' ? 1 : 0;
                if (depth > 0 && c != '\n')
                {
                    flat[i] = ' ';
                }

                depth += c is '{' or '[' ? 1 : 0;
            }

            return flat.ToString();
        }
    }

    /// <summary>The value of the object's own property <paramref name="key"/> as written (one line), or null.</summary>
    public string? Value(string key)
    {
        var match = Property().Matches(TopLevel).FirstOrDefault(m => m.Groups["key"].Value == key);
        return match is null ? null : Text.Substring(match.Groups["value"].Index, match.Groups["value"].Length).Trim();
    }

    /// <summary>The object or array held by the object's own property <paramref name="key"/>, or null.</summary>
    public BicepBody? Block(string key)
    {
        var match = Property().Matches(TopLevel).FirstOrDefault(m => m.Groups["key"].Value == key);
        if (match is null)
        {
            return null;
        }

        var value = match.Groups["value"];
        var open = Masked.IndexOfAny(['{', '['], value.Index, value.Length);
        return open < 0 ? null : BicepMask.Block(Text, Masked, open);
    }

    [GeneratedRegex(@"^[ \t]*(?<key>\w+)[ \t]*:(?<value>[^\n]*)$", RegexOptions.Multiline)]
    private static partial Regex Property();
}
