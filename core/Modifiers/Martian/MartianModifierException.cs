namespace Switchyard.Core.Modifiers.Martian;

/// <summary>
/// A modifier that could not do its work (a <c>Range</c> it cannot read, for instance). As in KrakenD the backend call
/// fails with this text; it derives from <see cref="HttpRequestException"/> so the backend's usual error path carries it.
/// </summary>
internal sealed class MartianModifierException(string message) : HttpRequestException(message);
