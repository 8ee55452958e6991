using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Switchyard.Core.Telemetry;
using Switchyard.Testing;

namespace Switchyard.Core.Tests.Telemetry.Metrics;

/// <summary>The README's "Metrics" table lists exactly the instruments of the gateway's meter, with their units.</summary>
public sealed partial class ReadmeMetricsTableTests
{
    [Fact]
    public void Every_instrument_of_the_meter_has_its_row_with_its_unit_and_every_row_an_instrument()
    {
        var instruments = new Dictionary<string, string?>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (instrument.Meter.Name == GatewayMetrics.MeterName)
                {
                    instruments[instrument.Name] = instrument.Unit;
                }
            };

            // Instruments are static fields: their classes' initializers create them.
            foreach (var type in typeof(GatewayMetrics).Assembly.GetTypes().Where(t => t.Namespace == typeof(GatewayMetrics).Namespace + ".Metrics" && !t.IsGenericTypeDefinition))
            {
                RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            }

            listener.Start();
        }

        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));
        var section = readme[readme.IndexOf("\n## Metrics\n", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 2, StringComparison.Ordinal)];
        var rows = Row().Matches(section).ToDictionary(match => match.Groups["name"].Value, match => match.Groups["unit"].Value);

        instruments.Should().NotBeEmpty();
        rows.Should().BeEquivalentTo(instruments.ToDictionary(pair => pair.Key, pair => pair.Value ?? ""));
    }

    [GeneratedRegex(@"^\| `(?<name>[a-z_.\-]+)` \| (?<unit>[^|]*?) \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
