using System.Text.Json.Nodes;

namespace Switchyard.Core.Policies.Cel;

/// <summary>A CEL map over a JSON object (<c>resp_data</c>), converting each member when it is read.</summary>
internal sealed class CelJsonMap(JsonObject json) : ICelMap
{
    public int Count => json.Count;

    public IEnumerable<CelValue> Keys
    {
        get
        {
            foreach (var member in json)
            {
                yield return CelValue.FromString(member.Key);
            }
        }
    }

    public bool TryGetValue(in CelValue key, out CelValue value)
    {
        if (key.Kind == CelValueKind.String && json.TryGetPropertyValue(key.AsString, out var node))
        {
            value = CelValueConverter.FromJson(node);
            return true;
        }

        value = default;
        return false;
    }
}
