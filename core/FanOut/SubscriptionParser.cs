using System.Globalization;
using System.Text.Json;

namespace Switchyard.Core.FanOut;

/// <summary>
/// Reads subscriptions from JSON and validates them, reporting every problem with its field path
/// (<c>subscriptions[1].prefetch_count: must be between 1000 and 10000, got 50</c>) rather than stopping at the first.
/// </summary>
/// <remarks>
/// Unlike Leek: integers given as strings (<c>"1000"</c>, common in environment variables) are accepted, unknown keys
/// are rejected with their path instead of crashing later, an explicit null in an optional field means its default,
/// and <c>concurrency_pool_size</c> is range-checked at bootstrap too.
/// </remarks>
public static class SubscriptionParser
{
    /// <summary>The path prefix of the array's items in error messages.</summary>
    public const string Root = "subscriptions";

    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Parses a JSON array of subscriptions; throws <see cref="SubscriptionException"/> listing every error.</summary>
    public static IReadOnlyList<Subscription> ParseArray(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = Parse(json, Root);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            // Leek's deprecated object form (#35) lands here too.
            throw new SubscriptionException([$"{Root}: must be a JSON array of subscriptions, got {Describe(root)}"]);
        }

        var errors = new List<string>();
        var subscriptions = new List<Subscription>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            var path = $"{Root}[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (Read(item, path, errors) is { } subscription)
            {
                if (names.Add(subscription.Name))
                {
                    subscriptions.Add(subscription);
                }
                else
                {
                    errors.Add($"{path}: duplicate subscription name '{subscription.Name}' (app_name-app_env must be unique)");
                }
            }

            index++;
        }

        return errors.Count == 0 ? subscriptions : throw new SubscriptionException(errors);
    }

    /// <summary>Parses one subscription object (an API request body); errors are prefixed with <paramref name="path"/>.</summary>
    public static Subscription ParseOne(string json, string path = "subscription")
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = Parse(json, path);
        var errors = new List<string>();
        return Read(document.RootElement, path, errors) is { } subscription && errors.Count == 0
            ? subscription
            : throw new SubscriptionException(errors);
    }

    /// <summary>Validates one subscription object, adding its errors to <paramref name="errors"/>; null when invalid.</summary>
    internal static Subscription? Read(JsonElement item, string path, List<string> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add($"{path}: must be an object, got {Describe(item)}");
            return null;
        }

        var before = errors.Count;
        foreach (var property in item.EnumerateObject())
        {
            if (!SubscriptionFields.All.Contains(property.Name))
            {
                errors.Add($"{path}.{property.Name}: unknown field");
            }
        }

        var fields = new FieldReader(item, path, errors);
        var broker = fields.Broker();
        var appName = fields.LowercaseName(SubscriptionFields.AppName);
        var appEnv = fields.LowercaseName(SubscriptionFields.AppEnv);
        var apiUrl = fields.ApiUrl();
        var prefetch = fields.Int(SubscriptionFields.PrefetchCount, SubscriptionDefaults.PrefetchCount, SubscriptionDefaults.MinPrefetchCount, SubscriptionDefaults.MaxPrefetchCount);
        var subscription = new Subscription
        {
            Broker = broker ?? "",
            BrokerManagementUrl = fields.OptionalText(SubscriptionFields.BrokerManagementUrl),
            Backend = fields.OptionalText(SubscriptionFields.Backend),
            Exchange = fields.Text(SubscriptionFields.Exchange, SubscriptionDefaults.Exchange),
            Queue = fields.Text(SubscriptionFields.Queue, SubscriptionDefaults.Queue),
            RoutingKey = fields.Text(SubscriptionFields.RoutingKey, SubscriptionDefaults.RoutingKey),
            OrgName = fields.Text(SubscriptionFields.OrgName, SubscriptionDefaults.OrgName),
            AppName = appName ?? "",
            AppEnv = appEnv ?? "",
            AppKey = fields.Text(SubscriptionFields.AppKey, SubscriptionDefaults.AppKey),
            ApiUrl = apiUrl ?? new Uri("http://invalid/"),
            PrefetchCount = prefetch,

            // Leek leaves it unchecked at bootstrap; more than 20 batches in flight only floods the API.
            ConcurrencyPoolSize = fields.Int(SubscriptionFields.ConcurrencyPoolSize, SubscriptionDefaults.ConcurrencyPoolSize, 1, SubscriptionDefaults.MaxConcurrencyPoolSize),
            BatchMaxSizeInMb = fields.Int(SubscriptionFields.BatchMaxSizeInMb, SubscriptionDefaults.BatchMaxSizeInMb, 1, SubscriptionDefaults.MaxBatchMaxSizeInMb),

            // A batch larger than the prefetch would never fill: the broker stops delivering first.
            BatchMaxNumberOfMessages = fields.Int(SubscriptionFields.BatchMaxNumberOfMessages, prefetch, 1, prefetch, "the prefetch_count"),
            BatchMaxWindowInSeconds = fields.Int(SubscriptionFields.BatchMaxWindowInSeconds, SubscriptionDefaults.BatchMaxWindowInSeconds, SubscriptionDefaults.MinBatchMaxWindowInSeconds, SubscriptionDefaults.MaxBatchMaxWindowInSeconds),
            EventTtlSeconds = fields.OptionalInt(SubscriptionFields.EventTtlSeconds, 1, int.MaxValue),
            AcceptedStatuses = fields.Statuses(),
            Transform = fields.Transform(),
        };
        if (subscription.Transport == BrokerTransport.Redis)
        {
            fields.RedisChannelParts(subscription);
        }

        return errors.Count == before ? subscription : null;
    }

    private static JsonDocument Parse(string json, string path)
    {
        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw new SubscriptionException([$"{path}: not valid JSON ({exception.Message})"]);
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{value.GetString()}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.GetRawText(),
    };

    private readonly struct FieldReader(JsonElement item, string path, List<string> errors)
    {
        public string? Broker()
        {
            var text = Required(SubscriptionFields.Broker);
            if (text is null)
            {
                return null;
            }

            if (text.Contains(';', StringComparison.Ordinal))
            {
                errors.Add($"{path}.{SubscriptionFields.Broker}: failover lists (';') are not supported, give one broker URL per subscription");
                return null;
            }

            // The password is masked: errors end up in logs and API answers.
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps" or "redis" or "rediss"))
            {
                errors.Add($"{path}.{SubscriptionFields.Broker}: must be an amqp://, amqps://, redis:// or rediss:// URL, got '{BrokerUrl.Mask(text)}'");
                return null;
            }

            if (uri.Scheme.StartsWith("redis", StringComparison.Ordinal) && RedisBrokerUrl.Parse(text, out var error) is null)
            {
                errors.Add($"{path}.{SubscriptionFields.Broker}: {error}, got '{BrokerUrl.Mask(text)}'");
                return null;
            }

            return text;
        }

        /// <summary>
        /// On Redis the exchange and the routing key become a channel pattern (<see cref="KombuRedisChannels"/>): glob
        /// characters would match other channels than the AMQP binding would, and AMQP's one-word <c>*</c> has no
        /// equivalent, so only <c>#</c> (any words, kombu's <c>*</c>) is accepted as a wildcard.
        /// </summary>
        public void RedisChannelParts(Subscription subscription)
        {
            if (subscription.Exchange.IndexOfAny(KombuRedisChannels.GlobCharacters) >= 0 || subscription.Exchange.Contains('/', StringComparison.Ordinal))
            {
                errors.Add($"{path}.{SubscriptionFields.Exchange}: on a Redis broker the exchange is part of a channel name and must not hold * ? [ ] \\ or /, got '{subscription.Exchange}'");
            }

            if (subscription.RoutingKey.IndexOfAny(KombuRedisChannels.GlobCharacters) >= 0)
            {
                errors.Add($"{path}.{SubscriptionFields.RoutingKey}: on a Redis broker only # is a wildcard (Redis patterns have no one-word *), and ? [ ] \\ are not allowed, got '{subscription.RoutingKey}'");
            }
        }

        public Uri? ApiUrl()
        {
            var text = Required(SubscriptionFields.ApiUrl);
            if (text is null)
            {
                return null;
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{path}.{SubscriptionFields.ApiUrl}: must be an http:// or https:// URL, got '{text}'");
                return null;
            }

            return uri;
        }

        public string? LowercaseName(string field)
        {
            var text = Required(field);
            if (text is null)
            {
                return null;
            }

            foreach (var c in text)
            {
                if (c is < 'a' or > 'z')
                {
                    errors.Add($"{path}.{field}: must be lowercase letters only (a-z), got '{text}'");
                    return null;
                }
            }

            return text;
        }

        public string Text(string field, string fallback) => OptionalText(field) ?? fallback;

        public string? OptionalText(string field)
        {
            if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
            {
                errors.Add($"{path}.{field}: must be a non-empty string, got {Describe(value)}");
                return null;
            }

            return text;
        }

        public int Int(string field, int fallback, int min, int max, string? maxName = null) =>
            OptionalInt(field, min, max, maxName) ?? fallback;

        public int? OptionalInt(string field, int min, int max, string? maxName = null)
        {
            if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (!TryInt(value, out var number))
            {
                errors.Add($"{path}.{field}: must be an integer, got {Describe(value)}");
                return null;
            }

            if (number < min || number > max)
            {
                var range = maxName is null
                    ? max == int.MaxValue ? $"at least {min}" : $"between {min} and {max}"
                    : $"between {min} and {maxName} ({max})";
                errors.Add($"{path}.{field}: must be {range}, got {number}");
                return null;
            }

            return number;
        }

        public EventTransform Transform()
        {
            switch (OptionalText(SubscriptionFields.Transform))
            {
                case null or "none":
                    return EventTransform.None;
                case "celery":
                    return EventTransform.Celery;
                case var other:
                    errors.Add($"{path}.{SubscriptionFields.Transform}: must be \"none\" or \"celery\", got \"{other}\"");
                    return EventTransform.None;
            }
        }

        public IReadOnlyList<int> Statuses()
        {
            const string field = SubscriptionFields.AcceptedStatuses;
            if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return SubscriptionDefaults.AcceptedStatuses;
            }

            if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() == 0)
            {
                errors.Add($"{path}.{field}: must be a non-empty array of 2xx status codes, got {Describe(value)}");
                return SubscriptionDefaults.AcceptedStatuses;
            }

            var statuses = new List<int>();
            var index = 0;
            foreach (var status in value.EnumerateArray())
            {
                // Only 2xx: accepting a 4xx/5xx would ack events the API never stored.
                if (!TryInt(status, out var code) || code is < 200 or > 299)
                {
                    errors.Add($"{path}.{field}[{index}]: must be a 2xx status code, got {Describe(status)}");
                }
                else
                {
                    statuses.Add(code);
                }

                index++;
            }

            return statuses;
        }

        private string? Required(string field)
        {
            if (!item.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                errors.Add($"{path}.{field}: is required");
                return null;
            }

            if (value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } text)
            {
                errors.Add($"{path}.{field}: must be a non-empty string, got {Describe(value)}");
                return null;
            }

            return text;
        }

        private static bool TryInt(JsonElement value, out int number)
        {
            number = 0;
            return value.ValueKind switch
            {
                JsonValueKind.Number => value.TryGetInt32(out number),
                JsonValueKind.String => int.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number),
                _ => false,
            };
        }
    }
}
