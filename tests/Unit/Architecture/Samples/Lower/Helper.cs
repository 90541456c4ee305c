namespace Tests.Unit.Architecture.Samples.Lower;

/// <summary>A type the upper sample uses only inside a method body.</summary>
internal static class Helper
{
    public static int Answer() => 42;
}
