namespace Switchyard.Core.Policies.Cel;

/// <summary>The function names CEL gives its operators; messages print them (<c>'_==_' applied to ...</c>).</summary>
internal static class CelOperatorNames
{
    public const string Conditional = "_?_:_";
    public const string LogicalAnd = "_&&_";
    public const string LogicalOr = "_||_";
    public const string LogicalNot = "!_";
    public const string Negate = "-_";
    public const string Equal = "_==_";
    public const string NotEqual = "_!=_";
    public const string Less = "_<_";
    public const string LessEqual = "_<=_";
    public const string Greater = "_>_";
    public const string GreaterEqual = "_>=_";
    public const string Add = "_+_";
    public const string Subtract = "_-_";
    public const string Multiply = "_*_";
    public const string Divide = "_/_";
    public const string Modulo = "_%_";
    public const string Index = "_[_]";
    public const string In = "@in";
}
