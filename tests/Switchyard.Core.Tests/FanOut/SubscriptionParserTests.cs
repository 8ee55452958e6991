using Switchyard.Core.FanOut;

namespace Switchyard.Core.Tests.FanOut;

public sealed class SubscriptionParserTests
{
    private const string Minimal = """{"broker":"amqp://u:p@mq//","app_name":"shop","app_env":"prod","api_url":"http://api:5000"}""";

    [Fact]
    public void Missing_optional_fields_take_leeks_defaults()
    {
        var subscription = SubscriptionParser.ParseArray($"[{Minimal}]").Single();

        subscription.Name.Should().Be("shop-prod");
        subscription.Exchange.Should().Be("celeryev");
        subscription.Queue.Should().Be("leek.fanout");
        subscription.RoutingKey.Should().Be("#");
        subscription.PrefetchCount.Should().Be(1000);
        subscription.ConcurrencyPoolSize.Should().Be(1);
        subscription.BatchMaxSizeInMb.Should().Be(1);
        subscription.BatchMaxNumberOfMessages.Should().Be(1000);
        subscription.BatchMaxWindowInSeconds.Should().Be(5);
        subscription.EventTtlSeconds.Should().BeNull();
        subscription.AcceptedStatuses.Should().Equal(201);
        subscription.Transform.Should().Be(EventTransform.None);
    }

    [Fact]
    public void The_celery_transform_is_selectable()
    {
        SubscriptionParser.ParseOne(Minimal.Replace("}", ""","transform":"celery"}""")).Transform.Should().Be(EventTransform.Celery);
    }

    [Fact]
    public void Batch_count_defaults_to_the_prefetch()
    {
        var subscription = SubscriptionParser.ParseOne(Minimal.Replace("}", ""","prefetch_count":3000}"""));

        subscription.BatchMaxNumberOfMessages.Should().Be(3000);
    }

    [Fact]
    public void Integers_given_as_strings_are_accepted()
    {
        var subscription = SubscriptionParser.ParseOne(Minimal.Replace("}", ""","prefetch_count":"2000","batch_max_window_in_seconds":"7"}"""));

        subscription.PrefetchCount.Should().Be(2000);
        subscription.BatchMaxWindowInSeconds.Should().Be(7);
    }

    [Theory]
    [InlineData("\"prefetch_count\":50", "subscriptions[1].prefetch_count: must be between 1000 and 10000, got 50")]
    [InlineData("\"prefetch_count\":\"lots\"", "subscriptions[1].prefetch_count: must be an integer, got \"lots\"")]
    [InlineData("\"concurrency_pool_size\":21", "subscriptions[1].concurrency_pool_size: must be between 1 and 20, got 21")]
    [InlineData("\"batch_max_size_in_mb\":11", "subscriptions[1].batch_max_size_in_mb: must be between 1 and 10, got 11")]
    [InlineData("\"batch_max_number_of_messages\":1001", "subscriptions[1].batch_max_number_of_messages: must be between 1 and the prefetch_count (1000), got 1001")]
    [InlineData("\"batch_max_window_in_seconds\":4", "subscriptions[1].batch_max_window_in_seconds: must be between 5 and 20, got 4")]
    [InlineData("\"event_ttl_seconds\":0", "subscriptions[1].event_ttl_seconds: must be at least 1, got 0")]
    [InlineData("\"accepted_statuses\":[201,500]", "subscriptions[1].accepted_statuses[1]: must be a 2xx status code, got 500")]
    [InlineData("\"app_env\":\"Prod\"", "subscriptions[1].app_env: must be lowercase letters only (a-z), got 'Prod'")]
    [InlineData("\"api_url\":\"ftp://x\"", "subscriptions[1].api_url: must be an http:// or https:// URL, got 'ftp://x'")]
    [InlineData("\"exchange\":\"\"", "subscriptions[1].exchange: must be a non-empty string, got \"\"")]
    [InlineData("\"failover_strategy\":\"shuffle\"", "subscriptions[1].failover_strategy: unknown field")]
    [InlineData("\"transform\":\"leek\"", "subscriptions[1].transform: must be \"none\" or \"celery\", got \"leek\"")]
    public void Each_error_names_its_field_path(string field, string error)
    {
        var second = Minimal.Replace("\"prod\"", "\"qa\"").Replace("\"api_url\"", field + ",\"api_url\"", StringComparison.Ordinal);
        if (field.StartsWith("\"app_env\"", StringComparison.Ordinal) || field.StartsWith("\"api_url\"", StringComparison.Ordinal))
        {
            // The field replaces the one of the template rather than repeating it.
            second = Replace(Minimal, field);
        }

        var parse = () => SubscriptionParser.ParseArray($"[{Minimal},{second}]");

        parse.Should().Throw<SubscriptionException>().Which.Errors.Should().Equal(error);
    }

    [Fact]
    public void Missing_required_fields_are_all_reported()
    {
        var parse = () => SubscriptionParser.ParseArray("""[{"app_name":"shop"}]""");

        parse.Should().Throw<SubscriptionException>().Which.Errors.Should().BeEquivalentTo(
            "subscriptions[0].broker: is required",
            "subscriptions[0].app_env: is required",
            "subscriptions[0].api_url: is required");
    }

    [Fact]
    public void Duplicate_names_are_rejected()
    {
        var parse = () => SubscriptionParser.ParseArray($"[{Minimal},{Minimal}]");

        parse.Should().Throw<SubscriptionException>().Which.Errors.Should().Equal(
            "subscriptions[1]: duplicate subscription name 'shop-prod' (app_name-app_env must be unique)");
    }

    [Theory]
    [InlineData("""{"a":1}""", "subscriptions: must be a JSON array of subscriptions, got an object")]
    [InlineData("[1]", "subscriptions[0]: must be an object, got 1")]
    public void Anything_but_an_array_of_objects_is_rejected(string json, string error)
    {
        var parse = () => SubscriptionParser.ParseArray(json);

        parse.Should().Throw<SubscriptionException>().Which.Errors.Should().Equal(error);
    }

    [Fact]
    public void A_bad_broker_url_is_reported_without_its_password()
    {
        var parse = () => SubscriptionParser.ParseOne(Minimal.Replace("amqp://u:p@mq//", "http://u:hunter2@mq/0"));

        parse.Should().Throw<SubscriptionException>().Which.Errors.Should().Equal(
            "subscription.broker: must be an amqp://, amqps://, redis:// or rediss:// URL, got 'http://u:**@mq/0'");
    }

    [Theory]
    [InlineData("redis://u:hunter2@mq/0", BrokerTransport.Redis)]
    [InlineData("rediss://:hunter2@mq:6380/3", BrokerTransport.Redis)]
    [InlineData("amqps://u:hunter2@mq/vhost", BrokerTransport.Amqp)]
    public void Redis_and_amqp_brokers_are_accepted(string broker, BrokerTransport transport)
    {
        var subscription = SubscriptionParser.ParseOne(Minimal.Replace("amqp://u:p@mq//", broker));

        subscription.Transport.Should().Be(transport);
        subscription.ToString().Should().NotContain("hunter2");
    }

    [Theory]
    [InlineData("redis://:hunter2@mq/zero", "subscription.broker: the path must be a database number, got '/zero', got 'redis://:**@mq/zero'")]
    [InlineData("redis://:hunter2@mq/0?socket_timeout=5", "subscription.broker: query options are not supported (only ssl_cert_reqs=required on rediss://, which is always applied), got 'redis://:**@mq/0?socket_timeout=5'")]
    [InlineData("redis://:hunter2@mq/0?ssl_cert_reqs=required", "subscription.broker: query options are not supported (only ssl_cert_reqs=required on rediss://, which is always applied), got 'redis://:**@mq/0?ssl_cert_reqs=required'")]
    public void A_redis_url_kombu_reads_otherwise_is_refused_without_its_password(string broker, string error)
    {
        var parse = () => SubscriptionParser.ParseOne(Minimal.Replace("amqp://u:p@mq//", broker));

        parse.Should().Throw<SubscriptionException>().Which.Errors.Should().Equal(error);
    }

    [Theory]
    [InlineData("\"routing_key\":\"task.*\"", "subscription.routing_key: on a Redis broker only # is a wildcard (Redis patterns have no one-word *), and ? [ ] \\ are not allowed, got 'task.*'")]
    [InlineData("\"exchange\":\"ev[1]\"", "subscription.exchange: on a Redis broker the exchange is part of a channel name and must not hold * ? [ ] \\ or /, got 'ev[1]'")]
    [InlineData("\"exchange\":\"a/b\"", "subscription.exchange: on a Redis broker the exchange is part of a channel name and must not hold * ? [ ] \\ or /, got 'a/b'")]
    public void Exchange_and_routing_key_a_redis_channel_pattern_cannot_honour_are_refused(string field, string error)
    {
        var parse = () => SubscriptionParser.ParseOne(Minimal.Replace("amqp://u:p@mq//", "redis://mq/0").Replace("}", "," + field + "}"));

        parse.Should().Throw<SubscriptionException>().Which.Errors.Should().Equal(error);
    }

    [Fact]
    public void The_same_routing_key_with_a_one_word_star_stays_valid_on_amqp()
    {
        SubscriptionParser.ParseOne(Minimal.Replace("}", ""","routing_key":"task.*"}""")).RoutingKey.Should().Be("task.*");
    }

    [Fact]
    public void A_failover_list_is_refused_with_a_hint()
    {
        var parse = () => SubscriptionParser.ParseOne(Minimal.Replace("amqp://u:p@mq//", "amqp://a//;amqp://b//"));

        parse.Should().Throw<SubscriptionException>().Which.Errors.Should().Equal(
            "subscription.broker: failover lists (';') are not supported, give one broker URL per subscription");
    }

    [Fact]
    public void ToString_masks_the_broker_password_and_the_app_key()
    {
        var subscription = SubscriptionParser.ParseOne(Minimal.Replace("}", ""","app_key":"topsecret"}"""));

        subscription.ToString().Should().Contain("amqp://u:**@mq//").And.NotContain(":p@").And.NotContain("topsecret");
    }

    private static string Replace(string template, string field)
    {
        var name = field[..(field.IndexOf(':', StringComparison.Ordinal) + 1)];
        var start = template.IndexOf(name, StringComparison.Ordinal);
        var end = template.IndexOfAny([',', '}'], template.IndexOf('"', start + name.Length + 1) + 1);
        return template[..start] + field + template[end..];
    }
}
