using System.Runtime.InteropServices;

namespace Switchyard.ColdStartBench;

/// <summary>Drops a file's pages from the kernel's page cache (written to disk first: only clean pages can go).</summary>
internal static partial class PageCache
{
    private const int DontNeed = 4; // POSIX_FADV_DONTNEED

    public static void Evict(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.ReadWrite);
        stream.Flush(flushToDisk: true);
        var result = Advise(stream.SafeFileHandle, 0, 0, DontNeed);
        if (result != 0)
        {
            throw new IOException($"posix_fadvise(DONTNEED) on {file} failed with {result}");
        }
    }

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int Advise(SafeHandle file, long offset, long length, int advice);
}
