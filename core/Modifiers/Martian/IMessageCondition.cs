namespace Switchyard.Core.Modifiers.Martian;

/// <summary>The condition of a filter with <c>modifier</c> and <c>else</c> branches, tested in each scope.</summary>
internal interface IMessageCondition
{
    bool Matches(MartianRequest request);

    bool Matches(MartianResponse response);
}
