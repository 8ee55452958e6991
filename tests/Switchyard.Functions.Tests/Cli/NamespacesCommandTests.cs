using Switchyard.Core.Configuration.Namespaces;
using Switchyard.Functions.Cli;
using Switchyard.Functions.Tests.Hosting;

namespace Switchyard.Functions.Tests.Cli;

public sealed class NamespacesCommandTests
{
    private const string Begin = "<!-- namespaces:begin -->\n";
    private const string End = "<!-- namespaces:end -->";

    [Fact]
    public void The_readme_table_is_the_one_the_parser_judges_with()
    {
        var readme = RepositoryFiles.Read("README.md");
        var start = readme.IndexOf(Begin, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, "the README marks where the namespace table starts");
        end.Should().BeGreaterThan(start);

        readme[(start + Begin.Length)..end].Should().Be(
            NamespaceTable.Markdown(),
            "the README's table must be regenerated with `switchyard namespaces` when the catalog changes");
    }

    [Fact]
    public void The_command_prints_the_table()
    {
        var output = new StringWriter();

        SwitchyardCommand.Create().Parse(["namespaces"]).Errors.Should().BeEmpty();
        NamespacesCommand.Print(output);

        output.ToString().Should().Be(NamespaceTable.Markdown());
    }

    [Fact]
    public void Every_namespace_and_old_name_is_listed_once()
    {
        var names = NamespaceCatalog.All.SelectMany(known => known.Aliases.Prepend(known.Name)).ToList();

        names.Should().OnlyHaveUniqueItems();
        names.Should().Contain(["auth/validator", "github.com/devopsfaith/krakend-jose/validator", "security/cors", "qos/ratelimit/router"]);
    }
}
