using System.Text;
using System.Text.RegularExpressions;
using Switchyard.Core.RegularExpressions;

namespace Switchyard.Templates.Sprig;

/// <summary>
/// Sprig's <c>regexMatch REGEX S</c> (false for a pattern that does not compile, as Sprig) and
/// <c>regexReplaceAll REGEX S REPLACEMENT</c> (a pattern that does not compile fails the template). Patterns are RE2, read
/// as Go reads them; replacements expand <c>$1</c>, <c>${1}</c>, <c>$name</c> and <c>$$</c> with Go's rules (a name
/// is the longest run of letters, digits and underscores, so <c>$1x</c> is the group named <c>1x</c>).
/// </summary>
internal static class RegexFunctions
{
    public static void AddTo(TemplateFunctions functions)
    {
        functions.Add("regexMatch", arguments =>
        {
            SprigArguments.Expect(arguments, "regexMatch", 2);
            return Re2Regex.TryCompile(SprigArguments.String(arguments, 0), out var regex, out _)
                && regex.IsMatch(SprigArguments.String(arguments, 1));
        });
        functions.Add("regexReplaceAll", arguments =>
        {
            SprigArguments.Expect(arguments, "regexReplaceAll", 3);
            if (!Re2Regex.TryCompile(SprigArguments.String(arguments, 0), out var regex, out var error))
            {
                throw new TemplateFunctionException(error);
            }

            var replacement = SprigArguments.String(arguments, 2);
            return regex.Replace(SprigArguments.String(arguments, 1), match => Expand(regex, match, replacement));
        });
    }

    // Go's Regexp.Expand: $name or ${name}; a number names a group by index; an unknown group is empty; $$ is a dollar.
    private static string Expand(Regex regex, Match match, string template)
    {
        var text = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] != '$' || i + 1 >= template.Length)
            {
                text.Append(template[i]);
                continue;
            }

            if (template[i + 1] == '$')
            {
                text.Append('$');
                i++;
                continue;
            }

            var braced = template[i + 1] == '{';
            var start = braced ? i + 2 : i + 1;
            var end = start;
            while (end < template.Length && (char.IsLetterOrDigit(template[end]) || template[end] == '_'))
            {
                end++;
            }

            if (end == start || (braced && (end >= template.Length || template[end] != '}')))
            {
                // Not a valid reference: Go copies the dollar sign as it is.
                text.Append('$');
                continue;
            }

            text.Append(Group(regex, match, template[start..end]));
            i = braced ? end : end - 1;
        }

        return text.ToString();
    }

    private static string Group(Regex regex, Match match, string name)
    {
        if (int.TryParse(name, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            return index < match.Groups.Count ? match.Groups[index].Value : "";
        }

        return regex.GroupNumberFromName(name) >= 0 ? match.Groups[name].Value : "";
    }
}
