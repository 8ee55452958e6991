using Switchyard.Core.Policies.Cel;

namespace Switchyard.Core.Tests.Policies.Cel;

/// <summary>An activation over a dictionary that counts how often each variable is asked for.</summary>
internal sealed class CelTestActivation(IReadOnlyDictionary<string, object?> values) : ICelActivation
{
    public static readonly CelTestActivation Empty = new(new Dictionary<string, object?>());

    public Dictionary<string, int> Resolutions { get; } = [];

    public bool TryResolve(string name, out object? value)
    {
        Resolutions[name] = Resolutions.GetValueOrDefault(name) + 1;
        return values.TryGetValue(name, out value);
    }
}
