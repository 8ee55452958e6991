using System.Text.Json.Nodes;
using Switchyard.Core.Configuration;

namespace Switchyard.Core.Pipeline.Formatting;

/// <summary>
/// A <c>flatmap_filter</c>: <c>move</c>, <c>del</c> and <c>append</c> operations on dot paths, applied in order
/// with KrakenD's semantics. <c>*</c> matches any key or every array element, and a numeric segment is an array
/// index. Built once per configuration, it mutates the data it is given, which the pipeline owns.
/// </summary>
/// <remarks>
/// Array indices are the positions at the time of each operation. KrakenD keeps the original positions as labels
/// across operations, so after deleting <c>a.0</c> its <c>a.1</c> still means the original second element where
/// here it means the original third one.
/// </remarks>
public sealed class FlatmapFilter
{
    internal const string Wildcard = "*";

    private readonly IFlatmapOperation[] _operations;

    private FlatmapFilter(IFlatmapOperation[] operations) => _operations = operations;

    /// <summary>Parses the operations. Unknown types are ignored, as KrakenD ignores them.</summary>
    /// <exception cref="ArgumentException"><c>move</c> or <c>append</c> has fewer than two paths.</exception>
    public static FlatmapFilter Create(IReadOnlyList<FlatmapOperation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var parsed = new List<IFlatmapOperation>(operations.Count);
        for (var i = 0; i < operations.Count; i++)
        {
            var (type, args) = (operations[i].Type, operations[i].Args);
            switch (type)
            {
                case "move":
                    RequireTwoPaths(type, args, i);
                    parsed.Add(new FlatmapMove(Split(args[0]), Split(args[1])));
                    break;
                case "append":
                    RequireTwoPaths(type, args, i);
                    parsed.Add(new FlatmapAppend(Split(args[0]), Split(args[1])));
                    break;
                case "del":
                    parsed.Add(new FlatmapDelete([.. args.Select(Split)]));
                    break;
            }
        }

        return new FlatmapFilter([.. parsed]);
    }

    /// <summary>Applies the operations to <paramref name="data"/> in place and returns it.</summary>
    public JsonObject Apply(JsonObject data) => Transform(data) ?? data;

    /// <summary>
    /// Applies the operations; null when they removed every key of a non-empty object, which KrakenD then
    /// holds as no data at all (a <c>group</c> around it renders <c>null</c>).
    /// </summary>
    internal JsonObject? Transform(JsonObject data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var run = new FlatmapRun(data);
        foreach (var operation in _operations)
        {
            operation.Apply(run);
            run.Settle();
        }

        return run.RootEmptied ? null : data;
    }

    private static string[] Split(string path) => path.Split('.');

    private static void RequireTwoPaths(string type, IReadOnlyList<string> args, int index)
    {
        if (args.Count < 2)
        {
            throw new ArgumentException(
                $"flatmap_filter[{index}]: '{type}' needs a source and a destination path, got {args.Count} argument(s)");
        }
    }
}
