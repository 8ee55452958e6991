namespace Switchyard.Core.Policies.Cel;

/// <summary>A CEL list: read by index, so that a list supplied by the gateway is converted only where it is read.</summary>
internal interface ICelList
{
    int Count { get; }

    CelValue this[int index] { get; }
}
