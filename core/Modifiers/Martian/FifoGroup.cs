namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// <c>fifo.Group</c>: runs its modifiers in the order written. The first error stops the group, unless
/// <c>aggregateErrors</c>: then every modifier runs and the errors are joined, one per line.
/// </summary>
internal sealed class FifoGroup(IReadOnlyList<IRequestModifier> requests, IReadOnlyList<IResponseModifier> responses, bool aggregateErrors)
    : IRequestModifier, IResponseModifier
{
    public void ModifyRequest(MartianRequest request) => Run(requests, modifier => modifier.ModifyRequest(request));

    public void ModifyResponse(MartianResponse response) => Run(responses, modifier => modifier.ModifyResponse(response));

    private void Run<T>(IReadOnlyList<T> modifiers, Action<T> modify)
    {
        List<string>? errors = null;
        foreach (var modifier in modifiers)
        {
            try
            {
                modify(modifier);
            }
            catch (MartianModifierException exception) when (aggregateErrors)
            {
                (errors ??= []).Add(exception.Message);
            }
        }

        if (errors is not null)
        {
            throw new MartianModifierException(string.Join('\n', errors));
        }
    }
}
