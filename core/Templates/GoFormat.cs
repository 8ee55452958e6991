using System.Text;

namespace Switchyard.Templates;

/// <summary>
/// Go's <c>fmt</c> over the template value model: <see cref="Print"/> is <c>fmt.Sprint</c> of one value (<c>%v</c>),
/// <see cref="Sprintf"/> the verbs templates use. Every function that prints a value uses these, so a value prints the
/// same way everywhere.
/// </summary>
public static class GoFormat
{
    /// <summary>
    /// <c>%v</c>: maps as <c>map[a:1 b:2]</c> in key order, slices as <c>[1 2]</c>, nil as <c>&lt;nil&gt;</c>, floats in
    /// Go's shortest <c>%g</c> form (<c>1e+06</c>).
    /// </summary>
    public static string Print(object? value) => value switch
    {
        string text => text,
        long number => number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        double number => GoFloat.Format(number, 'g', -1),
        null => "<nil>",
        _ => GoPrinter.Format(value, 'v'),
    };

    /// <summary><c>fmt.Sprint</c>: the values printed with spaces between operands when neither is a string.</summary>
    public static string Sprint(IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0 && values[i] is not string && values[i - 1] is not string)
            {
                builder.Append(' ');
            }
            builder.Append(Print(values[i]));
        }
        return builder.ToString();
    }

    /// <summary><c>fmt.Sprintln</c>: the values printed with spaces between them always, and a newline.</summary>
    public static string Sprintln(IReadOnlyList<object?> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var builder = new StringBuilder();
        for (var i = 0; i < values.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }
            builder.Append(Print(values[i]));
        }
        return builder.Append('\n').ToString();
    }

    /// <summary>
    /// <c>fmt.Sprintf</c>: %v %s %d %q %f %e %g %t %x %X %o %O %b %c %U %T %% with the flags <c>+ - # 0</c> and space,
    /// widths and precisions (also <c>*</c>), argument indexes (<c>%[2]s</c>); a value that does not fit its verb prints as Go prints the mistake
    /// (<c>%!d(string=x)</c>, <c>%!d(MISSING)</c>, <c>%!(EXTRA int=1)</c>).
    /// </summary>
    public static string Sprintf(string format, IReadOnlyList<object?> arguments)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(arguments);
        return GoPrinter.Sprintf(format, arguments);
    }
}
