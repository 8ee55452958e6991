using System.Text.Json.Nodes;

namespace Switchyard.Core.Pipeline.Formatting;

/// <summary>
/// The backend's <c>mapping</c>: renames top-level keys. Nested renames are not supported, so a new name is cut
/// at its first <c>.</c> (<c>"a": "b.c"</c> renames <c>a</c> to <c>b</c>).
/// </summary>
internal sealed class KeyMapping
{
    private readonly KeyValuePair<string, string>[] _renames;

    private KeyMapping(KeyValuePair<string, string>[] renames) => _renames = renames;

    public static KeyMapping Create(IReadOnlyDictionary<string, string> mapping)
    {
        var renames = new KeyValuePair<string, string>[mapping.Count];
        var i = 0;
        foreach (var (from, to) in mapping)
        {
            var dot = to.IndexOf('.', StringComparison.Ordinal);
            renames[i++] = new(from, dot < 0 ? to : to[..dot]);
        }

        return new KeyMapping(renames);
    }

    /// <summary>
    /// Renames in configuration order. A value renamed onto an existing key replaces it. As in KrakenD, which
    /// writes the new key before deleting the old one, a key mapped onto itself is removed.
    /// </summary>
    public void Apply(JsonObject data)
    {
        foreach (var (from, to) in _renames)
        {
            if (!data.TryGetPropertyValue(from, out var value))
            {
                continue;
            }

            data.Remove(from);
            if (!string.Equals(from, to, StringComparison.Ordinal))
            {
                data[to] = value;
            }
        }
    }
}
