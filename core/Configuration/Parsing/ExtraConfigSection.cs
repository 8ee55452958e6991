using System.Text.Json;
using System.Text.Json.Nodes;
using Switchyard.Core.Configuration.Namespaces;

namespace Switchyard.Core.Configuration.Parsing;

/// <summary>
/// The <c>extra_config</c> of one object: every namespace is kept in <see cref="Raw"/> under its short
/// name, the typed parsers look up the namespaces they understand, and the others are judged by
/// <see cref="NamespaceCatalog"/>: an error when ignoring them would lose a protection, else a warning.
/// </summary>
internal sealed class ExtraConfigSection
{
    private const string Key = "extra_config";

    private readonly Dictionary<string, (JsonElement Value, string Path)> _namespaces = new(StringComparer.Ordinal);

    private ExtraConfigSection()
    {
    }

    public JsonObject Raw { get; } = [];

    /// <summary>Reads <c>extra_config</c> of <paramref name="owner"/>, an object at <paramref name="placement"/>.</summary>
    public static ExtraConfigSection Read(JsonObjectReader owner, Placement placement)
    {
        var section = new ExtraConfigSection();
        if (!owner.TryGet(Key, out var element))
        {
            return section;
        }

        var sectionPath = owner.PathOf(Key);
        if (element.ValueKind != JsonValueKind.Object)
        {
            owner.Problems.Error(sectionPath, "expected an object, got " + JsonValueText.Describe(element));
            return section;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (JsonObjectReader.IsIgnored(property.Name))
            {
                continue;
            }

            var path = JsonPaths.Property(sectionPath, property.Name);
            var name = NamespaceCatalog.Normalize(property.Name);
            if (!section._namespaces.TryAdd(name, (property.Value, path)))
            {
                owner.Problems.Error(path, $"namespace '{name}' is given twice");
                continue;
            }

            section.Raw[name] = ConfigJson.ToNode(property.Value);
            switch (UnservedNamespace.At(property.Name, placement))
            {
                case { IsError: true } refused:
                    owner.Problems.Error(path, refused.Message);
                    break;
                case { } ignored:
                    owner.Problems.Warning(path, ignored.Message);
                    break;
            }
        }

        return section;
    }

    /// <summary>Finds namespace <paramref name="name"/> (a short name), unless it is missing or null.</summary>
    public bool TryGet(string name, out JsonElement value, out string path)
    {
        if (_namespaces.TryGetValue(name, out var entry) && entry.Value.ValueKind != JsonValueKind.Null)
        {
            (value, path) = entry;
            return true;
        }

        (value, path) = (default, "");
        return false;
    }

    /// <summary>
    /// A reader for namespace <paramref name="name"/>, or null when it is missing or not an object. Inside a namespace
    /// that protects something, a key the reader does not know is an error: it may be a protection Switchyard lacks.
    /// </summary>
    public JsonObjectReader? Open(string name, ConfigProblems problems) =>
        TryGet(name, out var value, out var path)
            ? JsonObjectReader.Open(value, path, problems, unknownKeysAreErrors: NamespaceCatalog.Find(name)?.IsProtective ?? true)
            : null;
}
