using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Switchyard.Testing;

/// <summary>One measurement a <see cref="RecordedMetrics"/> saw.</summary>
/// <param name="Instrument">The instrument's name.</param>
/// <param name="Unit">The instrument's unit.</param>
/// <param name="Value">The value, as a double.</param>
/// <param name="Tags">Its labels, values as text (<c>True</c>/<c>False</c> for booleans).</param>
public sealed record RecordedMeasurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The label <paramref name="name"/>, or null.</summary>
    public string? this[string name] => Tags.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// A real <see cref="MeterListener"/> on the meters named <paramref name="meterName"/> (every meter when null) that keeps
/// every measurement. Instruments are static and shared by tests running in parallel, so a test looks only at the
/// measurements carrying its own route or agent name.
/// </summary>
public sealed class RecordedMetrics : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<RecordedMeasurement> _measurements = new();

    public RecordedMetrics(string? meterName)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (meterName is null || instrument.Meter.Name == meterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Every measurement so far, observable instruments read now.</summary>
    public IReadOnlyList<RecordedMeasurement> All
    {
        get
        {
            _listener.RecordObservableInstruments();
            return [.. _measurements];
        }
    }

    /// <summary>The measurements of <paramref name="instrument"/> whose labels hold every pair of <paramref name="labels"/>.</summary>
    public IReadOnlyList<RecordedMeasurement> Of(string instrument, params (string Name, string Value)[] labels) =>
        [.. All.Where(m => m.Instrument == instrument && labels.All(label => m[label.Name] == label.Value))];

    public void Dispose() => _listener.Dispose();

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, tagValue) in tags)
        {
            labels[name] = Convert.ToString(tagValue, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }

        _measurements.Enqueue(new RecordedMeasurement(instrument.Name, instrument.Unit, value, labels));
    }
}
