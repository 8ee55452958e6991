namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// <c>priority.Group</c>: runs its modifiers from the highest <c>priority</c> to the lowest; among equal priorities the
/// one written later runs first, as martian inserts it. The first error stops the group. The order is settled when the
/// configuration loads (<see cref="Order{T}"/>).
/// </summary>
internal sealed class PriorityGroup(IReadOnlyList<IRequestModifier> requests, IReadOnlyList<IResponseModifier> responses)
    : IRequestModifier, IResponseModifier
{
    public void ModifyRequest(MartianRequest request)
    {
        foreach (var modifier in requests)
        {
            modifier.ModifyRequest(request);
        }
    }

    public void ModifyResponse(MartianResponse response)
    {
        foreach (var modifier in responses)
        {
            modifier.ModifyResponse(response);
        }
    }

    /// <summary>The modifiers in running order, from items in the order written.</summary>
    public static IReadOnlyList<T> Order<T>(IReadOnlyList<(long Priority, T Modifier)> written) =>
        [.. written.Select((item, index) => (item.Priority, Index: index, item.Modifier))
            .OrderByDescending(item => item.Priority)
            .ThenByDescending(item => item.Index)
            .Select(item => item.Modifier)];
}
