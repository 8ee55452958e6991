namespace Switchyard.Core.Security.Jwt;

/// <summary>One pair of <c>propagate_claims</c>: a claim (nested with dots) copied into a request header.</summary>
/// <param name="Claim">The claim's name; <c>a.b</c> reads member <c>b</c> of claim <c>a</c> unless it starts with <c>http</c>.</param>
/// <param name="Header">The request header that receives the claim's text.</param>
public sealed record ClaimToHeader(string Claim, string Header);
