using System.Text.RegularExpressions;

namespace Switchyard.Functions.Tests.Bicep;

/// <summary>
/// One <c>.bicep</c> file with just enough structure for the template tests: its parameters, modules and resources.
/// Declarations are found with regular expressions on the masked text (<see cref="BicepMask"/>), which keeps the
/// tests' questions next to the text they are about; the Bicep CLI checks that the files compile.
/// </summary>
internal sealed partial class BicepSource
{
    private BicepSource(string text)
    {
        Text = text;
        Masked = BicepMask.Apply(text);
    }

    /// <summary>The file's text.</summary>
    public string Text { get; }

    // The text with comments and string literals blanked, of the same length: declarations are matched on it.
    private string Masked { get; }

    /// <summary>Every <c>param</c> declaration, in order.</summary>
    public IReadOnlyList<BicepParam> Params =>
        ParamDeclaration().Matches(Masked)
            .Select(m => new BicepParam(m.Groups["name"].Value, m.Groups["type"].Value.Trim(), m.Groups["default"].Success))
            .ToList();

    /// <summary>Every <c>module</c> declaration, in order.</summary>
    public IReadOnlyList<BicepModule> Modules =>
        ModuleDeclaration().Matches(Masked)
            .Select(m => new BicepModule(m.Groups["name"].Value, Literal(m.Groups["path"]), BodyAfter(m.Index + m.Length)))
            .ToList();

    /// <summary>Every <c>resource</c> declaration (existing ones included), in order.</summary>
    public IReadOnlyList<BicepResource> Resources =>
        ResourceDeclaration().Matches(Masked)
            .Select(m => new BicepResource(m.Groups["name"].Value, Literal(m.Groups["type"]), BodyAfter(m.Index + m.Length)))
            .ToList();

    /// <summary>
    /// Every <c>var</c> declaration, in order, with its value as written: from the <c>=</c> to the last code before the
    /// next declaration, so a value written over several lines (an array, a condition) is whole.
    /// </summary>
    public IReadOnlyList<BicepVar> Vars =>
        VarDeclaration().Matches(Masked)
            .Select(m =>
            {
                var start = m.Index + m.Length;
                var next = NextDeclaration().Match(Masked, start);
                // The comments before the next declaration are blank in the masked text: the value ends at its last code.
                var end = start + Masked[start..(next.Success ? next.Index : Masked.Length)].TrimEnd().Length;
                return new BicepVar(m.Groups["name"].Value, Text[start..end].Trim());
            })
            .ToList();

    /// <summary>Every user-defined <c>type</c> declaration of an object type, in order.</summary>
    public IReadOnlyList<BicepType> Types =>
        TypeDeclaration().Matches(Masked)
            .Select(m => new BicepType(m.Groups["name"].Value, BodyAfter(m.Index + m.Length)))
            .ToList();

    /// <summary>Loads the file at <paramref name="path"/>.</summary>
    public static BicepSource Load(string path) => new(File.ReadAllText(path));

    // Declarations are matched on the masked text, so a quoted path or type is blank there: read it from the text.
    private string Literal(Group group) => Text.Substring(group.Index, group.Length).Trim().Trim('\'');

    private BicepBody BodyAfter(int index) => BicepMask.Block(Text, Masked, Masked.IndexOf('{', index));

    [GeneratedRegex(@"^var[ \t]+(?<name>\w+)[ \t]*=", RegexOptions.Multiline)]
    private static partial Regex VarDeclaration();

    // A line starting a declaration or a decorator; comments are blank in the masked text, so they never end a value.
    [GeneratedRegex(@"^[a-zA-Z@]", RegexOptions.Multiline)]
    private static partial Regex NextDeclaration();

    [GeneratedRegex(@"^type[ \t]+(?<name>\w+)[ \t]*=[ \t]*(?=\{)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^param[ \t]+(?<name>\w+)[ \t]+(?<type>[^=\n]+?)(?<default>[ \t]*=[^\n]*)?$", RegexOptions.Multiline)]
    private static partial Regex ParamDeclaration();

    [GeneratedRegex(@"^module[ \t]+(?<name>\w+)(?<path>[^\n=]+)=", RegexOptions.Multiline)]
    private static partial Regex ModuleDeclaration();

    [GeneratedRegex(@"^resource[ \t]+(?<name>\w+)(?<type>[^\n=]+?)(existing[ \t]*)?=", RegexOptions.Multiline)]
    private static partial Regex ResourceDeclaration();
}

/// <summary>A <c>param</c> declaration: its name, its type as written and whether it has a default.</summary>
internal sealed record BicepParam(string Name, string Type, bool HasDefault);

/// <summary>A <c>var</c> declaration: its name and its value as written (comments at the ends of its lines included).</summary>
internal sealed record BicepVar(string Name, string Value);

/// <summary>A <c>module</c> declaration: its symbol, its path and its body.</summary>
internal sealed record BicepModule(string Name, string Path, BicepBody Body);

/// <summary>A <c>resource</c> declaration: its symbol, its type with API version, and its body.</summary>
internal sealed record BicepResource(string Name, string Type, BicepBody Body);

/// <summary>A user-defined object <c>type</c>: its name and its body (one property per field).</summary>
internal sealed record BicepType(string Name, BicepBody Body);
