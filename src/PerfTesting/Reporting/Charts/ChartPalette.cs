namespace PerfTesting.Reporting.Charts;

/// <summary>Colours that stay distinguishable for common colour-vision deficiencies (Okabe-Ito).</summary>
internal static class ChartPalette
{
    private static readonly string[] Colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442", "#000000"];

    public static string For(int index) => Colours[index % Colours.Length];
}
