namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// An agent's <c>consumer</c> names the topic it binds (unless its driver binds none: a Service Bus or Storage queue,
/// or a subscription, already chooses the messages), and its rate and delivery limit are not negative (zero means no limit). Fewer than one worker was already raised to one while parsing.
/// </summary>
internal sealed class AsyncAgentConsumerValidator : IConfigValidator
{
    private const string NotNegative = "must not be negative";

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        foreach (var agent in config.AsyncAgents)
        {
            var path = agent.JsonPath + ".consumer";
            var consumer = agent.Consumer;
            var topicPath = path + ".topic";
            if (consumer.Topic.Length == 0 && agent.BindsTopic && !problems.HasErrorAt(topicPath) && !problems.HasErrorAt(path))
            {
                problems.Error(topicPath, "required: the routing key bound to the queue, such as '#' or 'orders.*'");
            }

            if (consumer.MaxRate < 0)
            {
                problems.Error(path + ".max_rate", NotNegative);
            }

            if (consumer.MaxDeliveries < 0)
            {
                problems.Error(path + ".max_deliveries", NotNegative);
            }
        }
    }
}
