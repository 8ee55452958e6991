using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Pipeline.Formatting;

/// <summary>
/// Shapes one backend's decoded data as its configuration asks, in KrakenD's order:
/// <list type="number">
/// <item><c>target</c>: the object at a dot path becomes the data; a missing path or a value that is not an
/// object gives <c>{}</c>;</item>
/// <item><c>allow</c> keeps only the listed paths, or when it is empty <c>deny</c> removes the listed ones;</item>
/// <item><c>mapping</c> renames top-level keys;</item>
/// <item><c>group</c> wraps the data as <c>{group: data}</c>.</item>
/// </list>
/// A backend <c>flatmap_filter</c> replaces steps 2 and 3; <c>target</c> and <c>group</c> still apply.
/// Built once per backend and shared by every request; <see cref="Format"/> mutates the data it is given.
/// </summary>
public sealed class ResponseFormatter
{
    private readonly DataPath? _target;
    private readonly string? _group;
    private readonly FlatmapFilter? _flatmap;
    private readonly AllowFilter? _allow;
    private readonly DenyFilter? _deny;
    private readonly KeyMapping? _mapping;

    private ResponseFormatter(BackendConfig backend)
    {
        _target = string.IsNullOrEmpty(backend.Target) ? null : DataPath.Parse(backend.Target);
        _group = string.IsNullOrEmpty(backend.Group) ? null : backend.Group;
        if (backend.Proxy.FlatmapFilter.Count > 0)
        {
            _flatmap = FlatmapFilter.Create(backend.Proxy.FlatmapFilter);
            return;
        }

        if (backend.Allow.Count > 0)
        {
            _allow = AllowFilter.Create(backend.Allow);
        }
        else if (backend.Deny.Count > 0)
        {
            _deny = DenyFilter.Create(backend.Deny);
        }

        _mapping = backend.Mapping.Count > 0 ? KeyMapping.Create(backend.Mapping) : null;
    }

    /// <summary>The formatter of <paramref name="backend"/>, or null when it changes nothing, so the pipeline can skip it.</summary>
    /// <exception cref="ArgumentException">The backend's <c>flatmap_filter</c> has a malformed operation.</exception>
    public static ResponseFormatter? Create(BackendConfig backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var changesNothing = string.IsNullOrEmpty(backend.Target)
            && string.IsNullOrEmpty(backend.Group)
            && backend.Proxy.FlatmapFilter.Count == 0
            && backend.Allow.Count == 0
            && backend.Deny.Count == 0
            && backend.Mapping.Count == 0;
        return changesNothing ? null : new ResponseFormatter(backend);
    }

    /// <summary>Formats <paramref name="data"/>, which is changed in place; the result may be another object.</summary>
    public JsonObject Format(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (_target is not null)
        {
            data = ExtractTarget(_target, data);
        }

        JsonObject? formatted = data;
        if (_flatmap is not null)
        {
            formatted = _flatmap.Transform(data);
        }
        else if (data.Count > 0)
        {
            _allow?.Apply(data);
            _deny?.Apply(data);
            if (data.Count > 0)
            {
                _mapping?.Apply(data);
            }
        }

        if (_group is not null)
        {
            return new JsonObject { [_group] = formatted };
        }

        return formatted ?? data;
    }

    private static JsonObject ExtractTarget(DataPath target, JsonObject data)
    {
        if (target.Find(data) is not JsonObject found)
        {
            return [];
        }

        // Detached, so that a group can adopt it: a node has a single parent.
        ((JsonObject)found.Parent!).Remove(found.GetPropertyName());
        return found;
    }
}
