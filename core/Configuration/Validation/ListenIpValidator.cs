using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Switchyard.Core.Configuration.Parsing;

namespace Switchyard.Core.Configuration.Validation;

/// <summary>
/// <c>listen_ip</c> is empty (every interface) or a bare IPv4 or IPv6 address. <see cref="IPAddress.TryParse(string?, out IPAddress?)"/>
/// alone is too lenient for a setting that becomes a listening URL: it accepts brackets and a port (<c>[::1]:80</c>),
/// a zone (<c>fe80::1%eth0</c>) and the old shorthand IPv4 forms (<c>127.1</c>, <c>0x7f.0.0.1</c>), so only digits,
/// dots and colons are allowed and an IPv4 address must be written as the four decimal numbers it parses to.
/// </summary>
internal sealed class ListenIpValidator : IConfigValidator
{
    private const string Path = "listen_ip";

    private static readonly SearchValues<char> AddressCharacters = SearchValues.Create("0123456789abcdefABCDEF.:");

    public void Validate(ServiceConfig config, ConfigProblems problems)
    {
        var value = config.ListenIp;
        if (value.Length > 0 && !IsAddress(value))
        {
            problems.Error(Path, $"listen_ip must be an IPv4 or IPv6 address, got {JsonValueText.Quote(value)}");
        }
    }

    private static bool IsAddress(string value) =>
        !value.AsSpan().ContainsAnyExcept(AddressCharacters)
        && IPAddress.TryParse(value, out var address)
        && (address.AddressFamily == AddressFamily.InterNetworkV6 || address.ToString() == value);
}
