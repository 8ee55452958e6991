using System.Globalization;
using System.Text;

namespace Switchyard.Core.Policies.Cel;

/// <summary>The type conversions <c>int</c>, <c>uint</c>, <c>double</c>, <c>string</c>, <c>bool</c>, <c>bytes</c> and <c>dyn</c>.</summary>
internal static class CelConversionFunctions
{
    private const double TwoToThe63 = 9223372036854775808.0;
    private const double TwoToThe64 = 18446744073709551616.0;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static void Register(CelFunctionRegistry registry)
    {
        registry.Add("int").Global(CelType.Int, CelType.Int).Global(CelType.Int, CelType.Uint).Global(CelType.Int, CelType.Double)
            .Global(CelType.Int, CelType.String).Global(CelType.Int, CelType.Timestamp).Implement(ToInt);
        registry.Add("uint").Global(CelType.Uint, CelType.Uint).Global(CelType.Uint, CelType.Int).Global(CelType.Uint, CelType.Double)
            .Global(CelType.Uint, CelType.String).Implement(ToUint);
        registry.Add("double").Global(CelType.Double, CelType.Double).Global(CelType.Double, CelType.Int).Global(CelType.Double, CelType.Uint)
            .Global(CelType.Double, CelType.String).Implement(ToDouble);
        var toString = registry.Add("string").Implement(ToText);
        foreach (var type in new[] { CelType.String, CelType.Int, CelType.Uint, CelType.Double, CelType.Bool, CelType.Bytes, CelType.Timestamp, CelType.Duration })
        {
            toString.Global(CelType.String, type);
        }

        registry.Add("bool").Global(CelType.Bool, CelType.Bool).Global(CelType.Bool, CelType.String).Implement(ToBool);
        registry.Add("bytes").Global(CelType.Bytes, CelType.Bytes).Global(CelType.Bytes, CelType.String).Implement(ToBytes);
        registry.Add("dyn").Global(CelType.Dyn, CelType.Parameter("A")).Implement(static (in CelValue value) => value);
    }

    private static CelValue ToInt(in CelValue value)
    {
        switch (value.Kind)
        {
            case CelValueKind.Int:
                return value;
            case CelValueKind.Uint:
                return value.AsUint > long.MaxValue ? CelValue.Error(CelLimits.IntOverflow) : CelValue.FromInt((long)value.AsUint);
            case CelValueKind.Double:
                var number = Math.Truncate(value.AsDouble);
                return number >= -TwoToThe63 && number < TwoToThe63 ? CelValue.FromInt((long)number) : CelValue.Error(CelLimits.IntOverflow);
            case CelValueKind.String:
                return long.TryParse(value.AsString, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
                    ? CelValue.FromInt(parsed)
                    : CelValue.Error($"cannot convert '{value.AsString}' to int");
            case CelValueKind.Timestamp:
                // Unix seconds, rounded down as Go's Time.Unix does.
                return CelValue.FromInt((long)Math.Floor((value.AsTicks - DateTime.UnixEpoch.Ticks) / (double)TimeSpan.TicksPerSecond));
            default:
                return CelValue.NoSuchOverload("int", value);
        }
    }

    private static CelValue ToUint(in CelValue value)
    {
        switch (value.Kind)
        {
            case CelValueKind.Uint:
                return value;
            case CelValueKind.Int:
                return value.AsInt < 0 ? CelValue.Error(CelLimits.UintOverflow) : CelValue.FromUint((ulong)value.AsInt);
            case CelValueKind.Double:
                var number = Math.Truncate(value.AsDouble);
                return number >= 0 && number < TwoToThe64 ? CelValue.FromUint((ulong)number) : CelValue.Error(CelLimits.UintOverflow);
            case CelValueKind.String:
                return ulong.TryParse(value.AsString, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                    ? CelValue.FromUint(parsed)
                    : CelValue.Error($"cannot convert '{value.AsString}' to uint");
            default:
                return CelValue.NoSuchOverload("uint", value);
        }
    }

    private static CelValue ToDouble(in CelValue value) => value.Kind switch
    {
        CelValueKind.Double => value,
        CelValueKind.Int => CelValue.FromDouble(value.AsInt),
        CelValueKind.Uint => CelValue.FromDouble(value.AsUint),
        CelValueKind.String => double.TryParse(value.AsString, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? CelValue.FromDouble(parsed)
            : CelValue.Error($"cannot convert '{value.AsString}' to double"),
        _ => CelValue.NoSuchOverload("double", value),
    };

    private static CelValue ToText(in CelValue value)
    {
        switch (value.Kind)
        {
            case CelValueKind.String:
                return value;
            case CelValueKind.Int:
                return CelValue.FromString(value.AsInt.ToString(CultureInfo.InvariantCulture));
            case CelValueKind.Uint:
                return CelValue.FromString(value.AsUint.ToString(CultureInfo.InvariantCulture));
            case CelValueKind.Double:
                return CelValue.FromString(CelDoubleText.Format(value.AsDouble));
            case CelValueKind.Bool:
                return CelValue.FromString(value.AsBool ? "true" : "false");
            case CelValueKind.Timestamp:
                return CelValue.FromString(CelTimestampText.Format(value.AsTicks));
            case CelValueKind.Duration:
                // cel-go writes durations as seconds: "90s", "1.5s".
                return CelValue.FromString(CelDoubleText.FormatFixed((decimal)value.AsTicks / TimeSpan.TicksPerSecond) + "s");
            case CelValueKind.Bytes:
                try
                {
                    return CelValue.FromString(StrictUtf8.GetString(value.AsBytes));
                }
                catch (DecoderFallbackException)
                {
                    return CelValue.Error("invalid UTF-8 in bytes, cannot convert to string");
                }

            default:
                return CelValue.NoSuchOverload("string", value);
        }
    }

    // The spellings Go's strconv.ParseBool accepts.
    private static CelValue ToBool(in CelValue value) => value.Kind switch
    {
        CelValueKind.Bool => value,
        CelValueKind.String => value.AsString switch
        {
            "1" or "t" or "T" or "true" or "TRUE" or "True" => CelValue.True,
            "0" or "f" or "F" or "false" or "FALSE" or "False" => CelValue.False,
            _ => CelValue.Error($"cannot convert '{value.AsString}' to bool"),
        },
        _ => CelValue.NoSuchOverload("bool", value),
    };

    private static CelValue ToBytes(in CelValue value) => value.Kind switch
    {
        CelValueKind.Bytes => value,
        CelValueKind.String => CelValue.FromBytes(System.Text.Encoding.UTF8.GetBytes(value.AsString)),
        _ => CelValue.NoSuchOverload("bytes", value),
    };
}
