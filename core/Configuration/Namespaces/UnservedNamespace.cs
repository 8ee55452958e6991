namespace Switchyard.Core.Configuration.Namespaces;

/// <summary>
/// What to tell the user about a namespace Switchyard does not serve where it is written: an error when ignoring it
/// would lose a protection or change what reaches a backend or a client, a warning when it only loses a convenience.
/// </summary>
public sealed record UnservedNamespace(bool IsError, string Message)
{
    /// <summary>The verdict on namespace <paramref name="written"/> at <paramref name="placement"/>; null when it is served there.</summary>
    public static UnservedNamespace? At(string written, Placement placement)
    {
        if (NamespaceCatalog.Find(written) is not { } known)
        {
            return NamespaceCatalog.IsInProtectiveFamily(written)
                ? new(true, $"unknown namespace '{written}': refused, because a namespace of this family protects something and "
                    + "this one would be ignored")
                : new(false, $"unsupported namespace '{written}' (ignored)");
        }

        if ((known.ServedAt & placement) != 0)
        {
            return null;
        }

        var label = $"'{written}' ({known.Feature})";
        if (placement == Placement.Agent && known.NeedsClientRequest)
        {
            var instead = known.OnAgent is { } hint ? "; " + hint : "";
            return new(true, $"{label} is refused on an async agent: a message has no client request to check{instead}");
        }

        if (!known.IsProtective)
        {
            return new(false, $"unsupported namespace {label} (ignored)");
        }

        var where = known.ServedAt == Placement.None
            ? "is not served by Switchyard"
            : $"is served on {Describe(known.ServedAt)} only, not on {Describe(placement)}";
        return new(true, $"{label} {where}: refused, because {known.Loss}");
    }

    /// <summary>The placements of <paramref name="placements"/> in words: <c>the service and endpoints</c>.</summary>
    public static string Describe(Placement placements)
    {
        var words = new List<string>();
        foreach (var (flag, word) in Words)
        {
            if ((placements & flag) != 0)
            {
                words.Add(word);
            }
        }

        return words.Count switch
        {
            0 => "nothing",
            1 => words[0],
            _ => string.Join(", ", words.Take(words.Count - 1)) + " and " + words[^1],
        };
    }

    private static readonly (Placement Flag, string Word)[] Words =
    [
        (Placement.Service, "the service"),
        (Placement.Endpoint, "endpoints"),
        (Placement.Workflow, "workflows"),
        (Placement.Backend, "backends"),
        (Placement.Agent, "async agents"),
    ];
}
