namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// One signature of a function, for the type checker: a receiver overload is called as <c>x.f(..)</c> and its first
/// parameter is the receiver.
/// </summary>
internal sealed record CelOverload(bool IsReceiver, IReadOnlyList<CelType> Parameters, CelType Result);
