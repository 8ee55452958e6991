using System.Globalization;

namespace Switchyard.ColdStartBench;

/// <summary>
/// Writes <c>functions/Packaging/startup-order.txt</c>, the order in which the Native AOT publish lays out the managed
/// methods: those a start of the packaged app runs (to readiness, a 200 from <c>/__health</c> and 2 s idle, as the
/// benchmark measures it), in the order the present binary holds them. The kernel maps an executable's pages in 64 KiB
/// windows around each page a process touches (fault-around), and reads ahead of it, so with the startup code spread
/// over the binary most of the binary became resident; packed together it costs about its own size.
/// </summary>
/// <remarks>
/// Which pages a start really touches is only visible when neither fault-around nor read-ahead can map a page the
/// process did not ask for: both only map pages already in the page cache, so the executable is evicted from it and the
/// read-ahead of its block device is turned off for the one start (that needs root), then the process's page map tells
/// which file pages it has. The symbols come from the same publish with its symbol table kept (<c>nm</c>, <c>readelf</c>,
/// which the AOT publish needs anyway). The probe runs on the layout the current file gives, so each run refines it.
/// </remarks>
internal static class StartupOrder
{
    public static async Task WriteAsync(string repository, string work)
    {
        var orderFile = Path.Combine(repository, "functions", "Packaging", "startup-order.txt");
        Console.WriteLine("Publishing Native AOT with its symbol table...");
        var app = await PublishedApp.PublishAsync(
            repository, "Native AOT", nativeAot: true, Path.Combine(repository, "examples", "krakend.json"), Path.Combine(work, "aot"), keepSymbols: true);

        var code = ElfSection.Read(app.Executable, "__managedcode");
        IReadOnlySet<long> touched = new HashSet<long>();
        using (ReadAhead.TurnedOff(app.Executable))
        {
            PageCache.Evict(app.Executable);
            var start = await ColdStartProbe.MeasureAsync(app, process => touched = ResidentPages.Of(process.Id, app.Executable));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Idle RSS with nothing mapped but what the start touched: {start.IdleRss / 1048576.0:F1} MiB"));
        }

        var methods = ElfSection.Symbols(app.Executable, code);
        var started = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < methods.Count; i++)
        {
            var (offset, name) = methods[i];
            var end = i + 1 < methods.Count ? methods[i + 1].Offset : code.Offset + code.Size;
            if (TouchesAny(offset, end, touched) && seen.Add(name))
            {
                started.Add(name);
            }
        }

        var lookedUp = LookedUpOnly(app.Executable, code, methods, touched, seen);
        await File.WriteAllLinesAsync(orderFile, [.. started, .. lookedUp]);
        Console.WriteLine($"{started.Count} of {methods.Count} method symbols run at start, {lookedUp.Count} more only looked up; written to {orderFile}");
    }

    /// <summary>
    /// The methods a start does not run but whose unwind entries it reads: ASP.NET Core asks a delegate for its method
    /// (the application name), and the runtime then maps every reflection-invokable method back from its entry point,
    /// reading each one's unwind data. Listed after the methods that run, their entries sit together instead of being
    /// spread over the whole unwind table. Known to the page: the other entries of a page read are listed too.
    /// </summary>
    private static List<string> LookedUpOnly(
        string executable, ElfSection code, List<(long Offset, string Name)> methods, IReadOnlySet<long> touched, HashSet<string> listed)
    {
        var unwind = ElfSection.Read(executable, ".eh_frame");
        var names = new Dictionary<long, string>();
        foreach (var (offset, name) in methods)
        {
            names.TryAdd(offset, name);
        }

        var lookedUp = new List<string>();
        foreach (var (function, entry) in UnwindIndex.Read(executable).OrderBy(row => row.Function))
        {
            var entryPage = (unwind.Offset + (entry - unwind.Address)) / ResidentPages.PageSize * ResidentPages.PageSize;
            if (touched.Contains(entryPage) && names.TryGetValue(code.Offset + (function - code.Address), out var name) && listed.Add(name))
            {
                lookedUp.Add(name);
            }
        }

        return lookedUp;
    }

    private static bool TouchesAny(long start, long end, IReadOnlySet<long> pages)
    {
        for (var page = start / ResidentPages.PageSize * ResidentPages.PageSize; page < end; page += ResidentPages.PageSize)
        {
            if (pages.Contains(page))
            {
                return true;
            }
        }

        return false;
    }
}
