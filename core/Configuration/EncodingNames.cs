namespace Switchyard.Core.Configuration;

/// <summary>The names of backend and output encodings accepted in the configuration.</summary>
public static class EncodingNames
{
    public const string Json = "json";
    public const string SafeJson = "safejson";
    public const string FastJson = "fast-json";
    public const string JsonCollection = "json-collection";
    public const string String = "string";
    public const string Xml = "xml";
    public const string Rss = "rss";
    public const string Yaml = "yaml";
    public const string Negotiate = "negotiate";
    public const string NoOp = "no-op";
}
