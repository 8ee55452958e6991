using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Switchyard.Core.Encoding;

/// <summary>Text helpers shared by the RSS and Atom readers, following gofeed's parsing rules.</summary>
internal static partial class FeedText
{
    /// <summary>
    /// An element's text, trimmed; markup written inside it (unescaped HTML in a description, XHTML content) is
    /// kept as text, as gofeed keeps the inner XML. Empty for a missing element.
    /// </summary>
    public static string Of(XElement? element)
    {
        if (element is null)
        {
            return string.Empty;
        }

        if (!element.HasElements)
        {
            return element.Value.Trim();
        }

        return string.Concat(element.Nodes().Select(node => node is XText text ? text.Value : node.ToString(SaveOptions.DisableFormatting))).Trim();
    }

    /// <summary>The first non-empty text, as gofeed's chains of fallbacks pick it; empty when all are.</summary>
    public static string FirstNonEmpty(params ReadOnlySpan<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (candidate.Length > 0)
            {
                return candidate;
            }
        }

        return string.Empty;
    }

    /// <summary>An attribute's value; empty when it is missing.</summary>
    public static string Attribute(XElement element, string name) => element.Attribute(name)?.Value ?? string.Empty;

    /// <summary>
    /// Splits an author text such as <c>jo@example.com (Jo)</c> or <c>Jo (jo@example.com)</c> into name and address;
    /// null for empty text. Text that fits no form gives a person with both parts empty, as in gofeed.
    /// </summary>
    public static FeedPerson? Person(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (EmailThenName().Match(text) is { Success: true } emailName)
        {
            return new FeedPerson(emailName.Groups[2].Value, emailName.Groups[1].Value);
        }

        if (NameThenEmail().Match(text) is { Success: true } nameEmail)
        {
            return new FeedPerson(nameEmail.Groups[1].Value, nameEmail.Groups[2].Value);
        }

        if (NameOnly().IsMatch(text))
        {
            return new FeedPerson(text, string.Empty);
        }

        return EmailOnly().IsMatch(text) ? new FeedPerson(string.Empty, text) : new FeedPerson(string.Empty, string.Empty);
    }

    // Go's \s is [\t\n\f\r ] and its $ is the very end of the text (\z here).
    [GeneratedRegex(@"^([^@]+@[^\t\n\f\r ]+)[\t\n\f\r ]+\(([^@]+)\)\z")]
    private static partial Regex EmailThenName();

    [GeneratedRegex(@"^([^@]+)[\t\n\f\r ]+\(([^@]+@[^)]+)\)\z")]
    private static partial Regex NameThenEmail();

    [GeneratedRegex(@"^[^@()]+\z")]
    private static partial Regex NameOnly();

    [GeneratedRegex(@"^[^@()]+@[^@()]+\z")]
    private static partial Regex EmailOnly();
}
