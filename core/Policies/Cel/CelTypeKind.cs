namespace Switchyard.Core.Policies.Cel;

/// <summary>The kind of a compile-time <see cref="CelType"/>.</summary>
internal enum CelTypeKind : byte
{
    Dyn,
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

    /// <summary>A type parameter of an overload (<c>A</c> in <c>size(list(A))</c>).</summary>
    Parameter,

    /// <summary>The type of an expression that already failed to check: matches anything so one mistake is reported once.</summary>
    Error,
}
