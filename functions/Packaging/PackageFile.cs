namespace Switchyard.Functions.Packaging;

/// <summary>One generated text file of a package: its path from the app root (<c>/</c>-separated) and its text.</summary>
internal sealed record PackageFile(string Path, string Content);
