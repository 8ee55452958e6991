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
    public static string Print(object? value) => throw new NotImplementedException();

    /// <summary><c>fmt.Sprint</c>: the values printed with spaces between operands when neither is a string.</summary>
    public static string Sprint(IReadOnlyList<object?> values) => throw new NotImplementedException();

    /// <summary><c>fmt.Sprintln</c>: the values printed with spaces between them always, and a newline.</summary>
    public static string Sprintln(IReadOnlyList<object?> values) => throw new NotImplementedException();

    /// <summary>
    /// <c>fmt.Sprintf</c>: %v %s %d %q %f %e %g %t %x %X %o %b %c %T %% with flags, widths and precision; a value that
    /// does not fit its verb prints as Go prints the mistake (<c>%!d(string=x)</c>, <c>%!d(MISSING)</c>,
    /// <c>%!(EXTRA int=1)</c>).
    /// </summary>
    public static string Sprintf(string format, IReadOnlyList<object?> arguments) => throw new NotImplementedException();
}
