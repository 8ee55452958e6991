namespace Switchyard.Core.Pipeline.Formatting;

/// <summary>One parsed entry of a <c>flatmap_filter</c>, immutable and shared by every response.</summary>
internal interface IFlatmapOperation
{
    void Apply(FlatmapRun run);
}
