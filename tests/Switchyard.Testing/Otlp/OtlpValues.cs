using Google.Protobuf;
using Google.Protobuf.Collections;
using Switchyard.Testing.Otlp.Proto.Common;

namespace Switchyard.Testing.Otlp;

/// <summary>OTLP's attribute values as plain .NET values, for assertions.</summary>
internal static class OtlpValues
{
    public static IReadOnlyDictionary<string, object?> Map(RepeatedField<KeyValue> attributes) =>
        attributes.ToDictionary(attribute => attribute.Key, attribute => Value(attribute.Value), StringComparer.Ordinal);

    public static string Hex(ByteString id) => Convert.ToHexStringLower(id.Span);

    private static object? Value(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue,
        AnyValue.ValueOneofCase.IntValue => value.IntValue,
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue,
        AnyValue.ValueOneofCase.ArrayValue => value.ArrayValue.Values.Select(Value).ToArray(),
        AnyValue.ValueOneofCase.KvlistValue => Map(value.KvlistValue.Values),
        AnyValue.ValueOneofCase.BytesValue => value.BytesValue.ToByteArray(),
        _ => null,
    };
}
