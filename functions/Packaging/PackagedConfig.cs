namespace Switchyard.Functions.Packaging;

/// <summary>The configuration a package ships as <c>app/krakend.json</c>.</summary>
/// <param name="Path">The <c>-c</c> file; the local files it names are found beside it.</param>
/// <param name="RenderedJson">The JSON a flexible configuration's template rendered, shipped instead of the file; null for a plain file.</param>
internal sealed record PackagedConfig(string Path, string? RenderedJson);
