using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Switchyard.Core.Resilience;

/// <summary>
/// Validates that a <see cref="TimeSpan"/> option lies between two bounds, both included. It takes the place of
/// <c>[Range(typeof(TimeSpan), ...)]</c>, whose bounds are converted through a <c>TypeConverter</c> found by reflection,
/// which trimming and Native AOT cannot guarantee.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeSpanRangeAttribute : ValidationAttribute
{
    /// <summary>Creates the attribute from two <c>TimeSpan</c> texts in the invariant format (<c>d.hh:mm:ss.fffffff</c>).</summary>
    public TimeSpanRangeAttribute(string minimum, string maximum)
    {
        Minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
        Maximum = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);
    }

    /// <summary>The smallest valid value.</summary>
    public TimeSpan Minimum { get; }

    /// <summary>The largest valid value.</summary>
    public TimeSpan Maximum { get; }

    /// <inheritdoc />
    public override bool IsValid(object? value) => value is not TimeSpan time || (time >= Minimum && time <= Maximum);

    /// <inheritdoc />
    public override string FormatErrorMessage(string name) =>
        string.Create(CultureInfo.InvariantCulture, $"The field {name} must be between {Minimum} and {Maximum}.");
}
