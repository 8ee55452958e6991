namespace Switchyard.Core.FanOut;

/// <summary>
/// The dynamic subscriptions, persisted as a JSON array in one file whose location is configurable. A save never
/// leaves the file half-written: the new content goes to a temporary file in the same directory, is flushed to disk,
/// then replaces the file in one rename; a crash before the rename leaves the old file whole (and a stray
/// <c>.tmp</c> file that loading ignores).
/// </summary>
/// <param name="path">The file; its directory is created on the first save.</param>
public sealed class SubscriptionStore(string path)
{
    private readonly SemaphoreSlim _writing = new(1, 1);

    /// <summary>The file the subscriptions are kept in.</summary>
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The saved subscriptions; none when the file does not exist yet.</summary>
    public IReadOnlyList<Subscription> Load()
    {
        if (!File.Exists(Path))
        {
            return [];
        }

        var json = File.ReadAllText(Path, System.Text.Encoding.UTF8);
        try
        {
            return string.IsNullOrWhiteSpace(json) ? [] : SubscriptionParser.ParseArray(json);
        }
        catch (SubscriptionException exception)
        {
            throw new SubscriptionException([.. exception.Errors.Select(error => $"{Path}: {error}")]);
        }
    }

    /// <summary>Replaces the file's content with <paramref name="subscriptions"/>, atomically.</summary>
    public async Task SaveAsync(IReadOnlyList<Subscription> subscriptions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptions);
        var json = SubscriptionWriter.ToJson(subscriptions);
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(directory);

        // Same directory: a rename is atomic only within one file system.
        var temporary = System.IO.Path.Combine(directory, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await stream.WriteAsync(json, cancellationToken).ConfigureAwait(false);

                // To the disk, not only the OS cache: the rename must never point at data a power loss would lose.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
        finally
        {
            _writing.Release();
        }
    }
}
