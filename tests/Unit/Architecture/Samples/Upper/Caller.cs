namespace Tests.Unit.Architecture.Samples.Upper;

/// <summary>Uses the lower namespace only in a body, through a fully qualified call: no using, no signature.</summary>
internal static class Caller
{
    public static int Call() => Lower.Helper.Answer() + 1;
}
