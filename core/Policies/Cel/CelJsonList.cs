using System.Text.Json.Nodes;

namespace Switchyard.Core.Policies.Cel;

/// <summary>A CEL list over a JSON array, converting each item when it is read.</summary>
internal sealed class CelJsonList(JsonArray json) : ICelList
{
    public int Count => json.Count;

    public CelValue this[int index] => CelValueConverter.FromJson(json[index]);
}
