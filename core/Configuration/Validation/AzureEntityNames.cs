namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// The naming rules Azure enforces on the entities an agent consumes, checked here so a bad name fails at load time
/// rather than at deployment (or, worse, at the first trigger).
/// </summary>
internal static class AzureEntityNames
{
    /// <summary>
    /// A Service Bus queue or topic: 1 to 260 letters, digits, <c>.</c>, <c>-</c>, <c>_</c> or <c>/</c>, starting and
    /// ending with a letter or digit.
    /// </summary>
    public static string? ServiceBusEntityProblem(string name) => Problem(name, 260, allowSlash: true);

    /// <summary>A Service Bus subscription: 1 to 50 letters, digits, <c>.</c>, <c>-</c> or <c>_</c>, starting and ending with a letter or digit.</summary>
    public static string? SubscriptionProblem(string name) => Problem(name, 50, allowSlash: false);

    /// <summary>
    /// A Storage queue: 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.
    /// </summary>
    public static string? StorageQueueProblem(string name)
    {
        if (name.Length is < 3 or > 63)
        {
            return $"'{name}' must be 3 to 63 characters long";
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '-')
            {
                if (i == 0 || i == name.Length - 1 || name[i - 1] == '-')
                {
                    return $"'{name}' must start and end with a letter or digit and have no consecutive hyphens";
                }
            }
            else if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return $"'{name}' may hold only lowercase letters, digits and hyphens";
            }
        }

        return null;
    }

    private static string? Problem(string name, int maxLength, bool allowSlash)
    {
        if (name.Length > maxLength)
        {
            return $"'{name}' is longer than {maxLength} characters";
        }

        if (!char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
        {
            return $"'{name}' must start and end with a letter or digit";
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '-' or '_') && !(allowSlash && c == '/'))
            {
                return allowSlash
                    ? $"'{name}' may hold only letters, digits, '.', '-', '_' and '/'"
                    : $"'{name}' may hold only letters, digits, '.', '-' and '_'";
            }
        }

        return null;
    }
}
