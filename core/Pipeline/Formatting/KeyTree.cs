namespace Switchyard.Core.Pipeline.Formatting;

/// <summary>
/// The dot paths of an <c>allow</c> or <c>deny</c> list folded into a tree of keys, so a response is filtered in
/// one walk. A key mapped to null selects the whole value under it; a key mapped to a tree selects inside it.
/// </summary>
internal sealed class KeyTree
{
    public Dictionary<string, KeyTree?> Children { get; } = new(StringComparer.Ordinal);

    /// <summary>The subtree under <paramref name="key"/>, created when it is missing or was a whole-value leaf.</summary>
    public KeyTree Subtree(string key)
    {
        if (Children.TryGetValue(key, out var child) && child is not null)
        {
            return child;
        }

        child = new KeyTree();
        Children[key] = child;
        return child;
    }
}
