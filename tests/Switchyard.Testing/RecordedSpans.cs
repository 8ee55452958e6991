using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace Switchyard.Testing;

/// <summary>
/// A real <see cref="ActivityListener"/> on every source (the gateway's, ASP.NET Core's, HttpClient's) that samples
/// every span and keeps, once it ends, everything an exporter would send of it as text: source, name, kind, status,
/// attributes, events with theirs, links and baggage.
/// </summary>
public sealed class RecordedSpans : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<string> _spans = new();

    public RecordedSpans()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => _spans.Enqueue(Describe(activity)),
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Each ended span, as one text.</summary>
    public IReadOnlyCollection<string> All => _spans;

    public void Dispose() => _listener.Dispose();

    private static string Describe(Activity activity)
    {
        var text = new System.Text.StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"{activity.Source.Name} {activity.OperationName} {activity.DisplayName} {activity.Kind}")
            .AppendLine(CultureInfo.InvariantCulture, $"status {activity.Status} {activity.StatusDescription}");
        foreach (var (key, value) in activity.TagObjects)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{key}={value}");
        }

        foreach (var activityEvent in activity.Events)
        {
            text.AppendLine(activityEvent.Name);
            foreach (var (key, value) in activityEvent.Tags)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {key}={value}");
            }
        }

        foreach (var link in activity.Links)
        {
            foreach (var (key, value) in link.Tags ?? [])
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"link {key}={value}");
            }
        }

        foreach (var (key, value) in activity.Baggage)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"baggage {key}={value}");
        }

        return text.ToString();
    }
}
