namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// One CEL value. A struct holding the scalar in a 64-bit field and anything else in one reference, so that
/// ints, doubles, bools, timestamps and durations never box during evaluation.
/// </summary>
/// <remarks>
/// Errors are values too (<see cref="CelValueKind.Error"/>): CEL's <c>&amp;&amp;</c> and <c>||</c> must be able to
/// absorb an error on one side, and exceptions would make a missing key on every request expensive.
/// Timestamps are UTC ticks, durations ticks: CEL's nanoseconds are kept to .NET's 100 ns resolution.
/// </remarks>
internal readonly struct CelValue
{
    public static readonly CelValue Null = new(CelValueKind.Null, 0, null);
    public static readonly CelValue True = new(CelValueKind.Bool, 1, null);
    public static readonly CelValue False = new(CelValueKind.Bool, 0, null);

    private readonly long _bits;
    private readonly object? _reference;

    private CelValue(CelValueKind kind, long bits, object? reference)
    {
        Kind = kind;
        _bits = bits;
        _reference = reference;
    }

    public CelValueKind Kind { get; }

    public bool IsError => Kind == CelValueKind.Error;

    public bool AsBool => _bits != 0;

    public long AsInt => _bits;

    public ulong AsUint => unchecked((ulong)_bits);

    public double AsDouble => BitConverter.Int64BitsToDouble(_bits);

    /// <summary>UTC ticks of a timestamp, ticks of a duration.</summary>
    public long AsTicks => _bits;

    public string AsString => (string)_reference!;

    public byte[] AsBytes => (byte[])_reference!;

    public ICelList AsList => (ICelList)_reference!;

    public ICelMap AsMap => (ICelMap)_reference!;

    public string ErrorMessage => (string)_reference!;

    /// <summary>The CEL name of this value's type, as messages print it.</summary>
    public string TypeName => Kind switch
    {
        CelValueKind.Null => "null_type",
        CelValueKind.Bool => "bool",
        CelValueKind.Int => "int",
        CelValueKind.Uint => "uint",
        CelValueKind.Double => "double",
        CelValueKind.String => "string",
        CelValueKind.Bytes => "bytes",
        CelValueKind.Timestamp => "google.protobuf.Timestamp",
        CelValueKind.Duration => "google.protobuf.Duration",
        CelValueKind.List => "list",
        CelValueKind.Map => "map",
        _ => "error",
    };

    public static CelValue FromBool(bool value) => value ? True : False;

    public static CelValue FromInt(long value) => new(CelValueKind.Int, value, null);

    public static CelValue FromUint(ulong value) => new(CelValueKind.Uint, unchecked((long)value), null);

    public static CelValue FromDouble(double value) => new(CelValueKind.Double, BitConverter.DoubleToInt64Bits(value), null);

    public static CelValue FromString(string value) => new(CelValueKind.String, 0, value);

    public static CelValue FromBytes(byte[] value) => new(CelValueKind.Bytes, 0, value);

    public static CelValue FromTimestampTicks(long utcTicks) => new(CelValueKind.Timestamp, utcTicks, null);

    public static CelValue FromDurationTicks(long ticks) => new(CelValueKind.Duration, ticks, null);

    public static CelValue FromList(ICelList value) => new(CelValueKind.List, 0, value);

    public static CelValue FromMap(ICelMap value) => new(CelValueKind.Map, 0, value);

    public static CelValue Error(string message) => new(CelValueKind.Error, 0, message);

    /// <summary>The error CEL raises when no overload of <paramref name="function"/> takes these arguments.</summary>
    public static CelValue NoSuchOverload(string function, in CelValue argument) =>
        Error($"no such overload: {function}({argument.TypeName})");

    /// <inheritdoc cref="NoSuchOverload(string, in CelValue)"/>
    public static CelValue NoSuchOverload(string function, in CelValue left, in CelValue right) =>
        Error($"no such overload: {function}({left.TypeName}, {right.TypeName})");

    public override string ToString() => Kind switch
    {
        CelValueKind.Error => "error: " + ErrorMessage,
        CelValueKind.String => AsString,
        CelValueKind.Double => CelDoubleText.Format(AsDouble),
        _ => CelValueConverter.ToClr(this)?.ToString() ?? "null",
    };
}
