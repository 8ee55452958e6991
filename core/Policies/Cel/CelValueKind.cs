namespace Switchyard.Core.Policies.Cel;

/// <summary>The runtime kind of a <see cref="CelValue"/>.</summary>
internal enum CelValueKind : byte
{
    /// <summary>No value yet: the default of the struct, used for variables not resolved so far.</summary>
    Unset = 0,
    Null,
    Bool,
    Int,
    Uint,
    Double,
    String,
    Bytes,
    Timestamp,
    Duration,
    List,
    Map,
    Error,
}
