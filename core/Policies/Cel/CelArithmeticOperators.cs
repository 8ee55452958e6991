namespace Switchyard.Core.Policies.Cel;

/// <summary>
/// <c>+ - * / %</c> and unary <c>-</c>. Both sides must have the same type (CEL has no implicit conversion), int and
/// uint overflow and division by zero are errors, and <c>+</c> also joins strings, bytes and lists and moves
/// timestamps by durations.
/// </summary>
internal static class CelArithmeticOperators
{
    public static void Register(CelFunctionRegistry registry)
    {
        var list = CelType.ListOf(CelType.Parameter("A"));
        Numeric(registry.Add(CelOperatorNames.Add), withDouble: true)
            .Global(CelType.String, CelType.String, CelType.String)
            .Global(CelType.Bytes, CelType.Bytes, CelType.Bytes)
            .Global(list, list, list)
            .Global(CelType.Timestamp, CelType.Timestamp, CelType.Duration)
            .Global(CelType.Timestamp, CelType.Duration, CelType.Timestamp)
            .Global(CelType.Duration, CelType.Duration, CelType.Duration)
            .Implement(Add);
        Numeric(registry.Add(CelOperatorNames.Subtract), withDouble: true)
            .Global(CelType.Duration, CelType.Timestamp, CelType.Timestamp)
            .Global(CelType.Timestamp, CelType.Timestamp, CelType.Duration)
            .Global(CelType.Duration, CelType.Duration, CelType.Duration)
            .Implement(Subtract);
        Numeric(registry.Add(CelOperatorNames.Multiply), withDouble: true).Implement(Multiply);
        Numeric(registry.Add(CelOperatorNames.Divide), withDouble: true).Implement(Divide);
        Numeric(registry.Add(CelOperatorNames.Modulo), withDouble: false).Implement(Modulo);
        registry.Add(CelOperatorNames.Negate).Global(CelType.Int, CelType.Int).Global(CelType.Double, CelType.Double).Implement(Negate);
    }

    private static CelFunction Numeric(CelFunction function, bool withDouble)
    {
        function.Global(CelType.Int, CelType.Int, CelType.Int).Global(CelType.Uint, CelType.Uint, CelType.Uint);
        return withDouble ? function.Global(CelType.Double, CelType.Double, CelType.Double) : function;
    }

    private static CelValue Add(in CelValue left, in CelValue right)
    {
        switch (left.Kind, right.Kind)
        {
            case (CelValueKind.Int, CelValueKind.Int):
                var sum = unchecked(left.AsInt + right.AsInt);
                // Overflow happened when both operands share a sign the result lacks.
                return ((left.AsInt ^ sum) & (right.AsInt ^ sum)) < 0 ? CelValue.Error(CelLimits.IntOverflow) : CelValue.FromInt(sum);
            case (CelValueKind.Uint, CelValueKind.Uint):
                var unsignedSum = unchecked(left.AsUint + right.AsUint);
                return unsignedSum < left.AsUint ? CelValue.Error(CelLimits.UintOverflow) : CelValue.FromUint(unsignedSum);
            case (CelValueKind.Double, CelValueKind.Double):
                return CelValue.FromDouble(left.AsDouble + right.AsDouble);
            case (CelValueKind.String, CelValueKind.String):
                return CelValue.FromString(string.Concat(left.AsString, right.AsString));
            case (CelValueKind.Bytes, CelValueKind.Bytes):
                return CelValue.FromBytes([.. left.AsBytes, .. right.AsBytes]);
            case (CelValueKind.List, CelValueKind.List):
                return CelValue.FromList(Concatenate(left.AsList, right.AsList));
            case (CelValueKind.Timestamp, CelValueKind.Duration):
            case (CelValueKind.Duration, CelValueKind.Timestamp):
                return CelLimits.Timestamp(left.AsTicks + right.AsTicks);
            case (CelValueKind.Duration, CelValueKind.Duration):
                return CelLimits.Duration(left.AsTicks + right.AsTicks);
            default:
                return CelValue.NoSuchOverload(CelOperatorNames.Add, left, right);
        }
    }

    private static CelValue Subtract(in CelValue left, in CelValue right)
    {
        switch (left.Kind, right.Kind)
        {
            case (CelValueKind.Int, CelValueKind.Int):
                var difference = unchecked(left.AsInt - right.AsInt);
                return ((left.AsInt ^ right.AsInt) & (left.AsInt ^ difference)) < 0 ? CelValue.Error(CelLimits.IntOverflow) : CelValue.FromInt(difference);
            case (CelValueKind.Uint, CelValueKind.Uint):
                return right.AsUint > left.AsUint ? CelValue.Error(CelLimits.UintOverflow) : CelValue.FromUint(left.AsUint - right.AsUint);
            case (CelValueKind.Double, CelValueKind.Double):
                return CelValue.FromDouble(left.AsDouble - right.AsDouble);
            case (CelValueKind.Timestamp, CelValueKind.Timestamp):
                return CelLimits.Duration(left.AsTicks - right.AsTicks);
            case (CelValueKind.Timestamp, CelValueKind.Duration):
                return CelLimits.Timestamp(left.AsTicks - right.AsTicks);
            case (CelValueKind.Duration, CelValueKind.Duration):
                return CelLimits.Duration(left.AsTicks - right.AsTicks);
            default:
                return CelValue.NoSuchOverload(CelOperatorNames.Subtract, left, right);
        }
    }

    private static CelValue Multiply(in CelValue left, in CelValue right)
    {
        switch (left.Kind, right.Kind)
        {
            case (CelValueKind.Int, CelValueKind.Int):
                var product = Math.BigMul(left.AsInt, right.AsInt, out var low);
                // The 128-bit product fits 64 bits when its high half is only the low half's sign.
                return product != (low >> 63) ? CelValue.Error(CelLimits.IntOverflow) : CelValue.FromInt(low);
            case (CelValueKind.Uint, CelValueKind.Uint):
                var high = Math.BigMul(left.AsUint, right.AsUint, out var unsignedLow);
                return high != 0 ? CelValue.Error(CelLimits.UintOverflow) : CelValue.FromUint(unsignedLow);
            case (CelValueKind.Double, CelValueKind.Double):
                return CelValue.FromDouble(left.AsDouble * right.AsDouble);
            default:
                return CelValue.NoSuchOverload(CelOperatorNames.Multiply, left, right);
        }
    }

    private static CelValue Divide(in CelValue left, in CelValue right)
    {
        switch (left.Kind, right.Kind)
        {
            case (CelValueKind.Int, CelValueKind.Int):
                return right.AsInt == 0 ? CelValue.Error("division by zero")
                    : left.AsInt == long.MinValue && right.AsInt == -1 ? CelValue.Error(CelLimits.IntOverflow)
                    : CelValue.FromInt(left.AsInt / right.AsInt);
            case (CelValueKind.Uint, CelValueKind.Uint):
                return right.AsUint == 0 ? CelValue.Error("division by zero") : CelValue.FromUint(left.AsUint / right.AsUint);
            case (CelValueKind.Double, CelValueKind.Double):
                return CelValue.FromDouble(left.AsDouble / right.AsDouble);
            default:
                return CelValue.NoSuchOverload(CelOperatorNames.Divide, left, right);
        }
    }

    private static CelValue Modulo(in CelValue left, in CelValue right)
    {
        switch (left.Kind, right.Kind)
        {
            case (CelValueKind.Int, CelValueKind.Int):
                return right.AsInt == 0 ? CelValue.Error("modulus by zero")
                    : left.AsInt == long.MinValue && right.AsInt == -1 ? CelValue.Error(CelLimits.IntOverflow)
                    : CelValue.FromInt(left.AsInt % right.AsInt);
            case (CelValueKind.Uint, CelValueKind.Uint):
                return right.AsUint == 0 ? CelValue.Error("modulus by zero") : CelValue.FromUint(left.AsUint % right.AsUint);
            default:
                return CelValue.NoSuchOverload(CelOperatorNames.Modulo, left, right);
        }
    }

    private static CelValue Negate(in CelValue operand) => operand.Kind switch
    {
        CelValueKind.Int => operand.AsInt == long.MinValue ? CelValue.Error(CelLimits.IntOverflow) : CelValue.FromInt(-operand.AsInt),
        CelValueKind.Double => CelValue.FromDouble(-operand.AsDouble),
        _ => CelValue.NoSuchOverload(CelOperatorNames.Negate, operand),
    };

    private static CelValueList Concatenate(ICelList left, ICelList right)
    {
        var items = new CelValue[left.Count + right.Count];
        for (var i = 0; i < left.Count; i++)
        {
            items[i] = left[i];
        }

        for (var i = 0; i < right.Count; i++)
        {
            items[left.Count + i] = right[i];
        }

        return new CelValueList(items);
    }
}
