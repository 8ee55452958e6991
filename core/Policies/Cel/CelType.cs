namespace Switchyard.Core.Policies.Cel;

/// <summary>A compile-time CEL type, printed as cel-go prints it (<c>map(string, list(string))</c>).</summary>
internal sealed class CelType
{
    public static readonly CelType Dyn = new(CelTypeKind.Dyn, "dyn");
    public static readonly CelType Null = new(CelTypeKind.Null, "null");
    public static readonly CelType Bool = new(CelTypeKind.Bool, "bool");
    public static readonly CelType Int = new(CelTypeKind.Int, "int");
    public static readonly CelType Uint = new(CelTypeKind.Uint, "uint");
    public static readonly CelType Double = new(CelTypeKind.Double, "double");
    public static readonly CelType String = new(CelTypeKind.String, "string");
    public static readonly CelType Bytes = new(CelTypeKind.Bytes, "bytes");
    public static readonly CelType Timestamp = new(CelTypeKind.Timestamp, "google.protobuf.Timestamp");
    public static readonly CelType Duration = new(CelTypeKind.Duration, "google.protobuf.Duration");
    public static readonly CelType Error = new(CelTypeKind.Error, "*error*");

    private readonly string _name;

    private CelType(CelTypeKind kind, string name, CelType? first = null, CelType? second = null)
    {
        Kind = kind;
        _name = name;
        First = first;
        Second = second;
    }

    public CelTypeKind Kind { get; }

    /// <summary>A list's element type, a map's key type.</summary>
    public CelType? First { get; }

    /// <summary>A map's value type.</summary>
    public CelType? Second { get; }

    public static CelType ListOf(CelType element) => new(CelTypeKind.List, $"list({element})", element);

    public static CelType MapOf(CelType key, CelType value) => new(CelTypeKind.Map, $"map({key}, {value})", key, value);

    public static CelType Parameter(string name) => new(CelTypeKind.Parameter, name);

    /// <summary>Whether the type says nothing at compile time, so every check is left to run time.</summary>
    public bool IsDynamic => Kind is CelTypeKind.Dyn or CelTypeKind.Error;

    public bool IsSameAs(CelType other) => Kind == other.Kind && _name == other._name;

    public override string ToString() => _name;
}
