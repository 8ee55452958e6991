using System.Text;

namespace Switchyard.Core.Configuration.Namespaces;

/// <summary>
/// The README's tables of namespaces and unserved keys, written from <see cref="NamespaceCatalog"/> and
/// <see cref="UnservedKeys"/>, the same lists the parsers judge a configuration with.
/// </summary>
public static class NamespaceTable
{
    /// <summary>Both tables in Markdown.</summary>
    public static string Markdown()
    {
        var text = new StringBuilder();
        text.Append("| namespace | what it configures | served on | anywhere else |\n");
        text.Append("| --- | --- | --- | --- |\n");
        foreach (var known in NamespaceCatalog.All)
        {
            var servedOn = known.ServedAt == Placement.None ? "—" : UnservedNamespace.Describe(known.ServedAt);
            text.Append($"| `{known.Name}` | {known.Feature} | {servedOn} | {Verdict(known.IsProtective)} |\n");
        }

        text.Append('\n');
        text.Append("| key | what it configures | Switchyard |\n");
        text.Append("| --- | --- | --- |\n");
        foreach (var key in UnservedKeys.All)
        {
            var name = key.Owner == UnservedKeys.Root ? key.Key : $"{key.Owner}.{key.Key}";
            text.Append($"| `{name}` | {key.Feature} | {Verdict(key.IsProtective)} |\n");
        }

        return text.ToString();
    }

    private static string Verdict(bool isProtective) => isProtective ? "refused (error)" : "ignored (warning)";
}
