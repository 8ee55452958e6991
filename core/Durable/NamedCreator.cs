using DurableTask.Core;

namespace Switchyard.Core.Durable;

/// <summary>How the engine gets an orchestration or an activity by its name (version empty), from a factory.</summary>
internal sealed class NamedCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public NamedCreator(string name, Func<T> create)
    {
        Name = name;
        Version = "";
        _create = create;
    }

    public override T Create() => _create();
}
