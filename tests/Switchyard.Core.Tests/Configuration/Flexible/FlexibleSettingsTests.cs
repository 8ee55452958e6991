using Switchyard.Core.Configuration;
using Switchyard.Core.Configuration.Flexible;

namespace Switchyard.Core.Tests.Configuration.Flexible;

public sealed class FlexibleSettingsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("switchyard-settings-").FullName;

    private void Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void Every_json_file_directly_in_the_folder_becomes_a_map_named_after_it_with_float64_numbers()
    {
        Write("env.json", """{"port": 8080, "hosts": ["http://a"], "tls": {"on": true}, "x": null}""");
        Write("loop_example.json", """{"dummy": ["/a"]}""");
        Write("notes.txt", "not settings");
        Write("nested/deep.json", """{"ignored": true}""");
        var errors = new List<ConfigProblem>();

        var settings = FlexibleSettings.Load(_directory, errors);

        errors.Should().BeEmpty();
        settings.Keys.Should().BeEquivalentTo("env", "loop_example");
        settings["env"].Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["port"] = 8080.0,
            ["hosts"] = new List<object?> { "http://a" },
            ["tls"] = new Dictionary<string, object?> { ["on"] = true },
            ["x"] = null,
        });
    }

    [Fact]
    public void Json_that_does_not_parse_is_an_error_with_the_files_line_and_column()
    {
        Write("env.json", "{\n  \"port\": 8080,\n  \"host\" \"x\"\n}");
        var errors = new List<ConfigProblem>();

        FlexibleSettings.Load(_directory, errors);

        errors.Should().ContainSingle().Which.Path.Should().Be($"{Path.Combine(_directory, "env.json")}:3:10");
    }

    [Theory]
    [InlineData("[1, 2]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    public void A_file_that_is_not_a_json_object_is_an_error_naming_it(string json)
    {
        Write("env.json", json);
        var errors = new List<ConfigProblem>();

        FlexibleSettings.Load(_directory, errors);

        errors.Should().ContainSingle().Which.ToString().Should().Be($"{Path.Combine(_directory, "env.json")}: a settings file must hold a JSON object");
    }

    [Fact]
    public void A_folder_that_does_not_exist_is_an_error_naming_it()
    {
        var missing = Path.Combine(_directory, "absent");
        var errors = new List<ConfigProblem>();

        FlexibleSettings.Load(missing, errors);

        errors.Should().ContainSingle().Which.Path.Should().Be(missing);
        errors[0].Message.Should().StartWith("cannot read the settings folder (FC_SETTINGS, --settings): ");
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
