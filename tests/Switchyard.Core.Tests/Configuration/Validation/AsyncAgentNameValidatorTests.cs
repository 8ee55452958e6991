using static Switchyard.Core.Tests.Configuration.ConfigFixtures;

namespace Switchyard.Core.Tests.Configuration.Validation;

public sealed class AsyncAgentNameValidatorTests
{
    [Fact]
    public void Two_agents_with_the_same_name_are_an_error()
    {
        LoadErrors(ServiceWithAgents(
            MemoryAgent("""
                "name": "orders"
                """),
            MemoryAgent("""
                "name": "payments"
                """),
            MemoryAgent("""
                "name": "orders"
                """))).Should().Equal("async_agent[2].name: duplicate agent name 'orders' (already used at async_agent[0])");
    }

    [Fact]
    public void A_default_name_collides_with_the_same_name_written_out()
    {
        LoadErrors(ServiceWithAgents(
            MemoryAgent(),
            MemoryAgent("""
                "name": "AsyncAgent-00"
                """))).Should().Equal("async_agent[1].name: duplicate agent name 'AsyncAgent-00' (already used at async_agent[0])");
    }

    [Fact]
    public void Names_differing_only_in_case_are_distinct()
    {
        LoadValid(ServiceWithAgents(
            MemoryAgent("""
                "name": "orders"
                """),
            MemoryAgent("""
                "name": "Orders"
                """))).AsyncAgents.Should().HaveCount(2);
    }
}
