using System.Globalization;
using System.Net;
using System.Text;

namespace PerfTesting.Reporting.Charts;

/// <summary>Writes SVG elements with invariant number formatting and escaped text.</summary>
internal sealed class SvgCanvas
{
    private readonly StringBuilder _svg = new();

    public SvgCanvas(int width, int height, string title)
    {
        _svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{Escape(title)}\">");
        _svg.Append("<title>").Append(Escape(title)).Append("</title>");
        _svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
    }

    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static string Escape(string text) => WebUtility.HtmlEncode(text);

    public void Line(double x1, double y1, double x2, double y2, string stroke, double width = 1, string? dash = null) =>
        _svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Number(x1)}\" y1=\"{Number(y1)}\" x2=\"{Number(x2)}\" y2=\"{Number(y2)}\" stroke=\"{stroke}\" stroke-width=\"{Number(width)}\"{(dash is null ? string.Empty : $" stroke-dasharray=\"{dash}\"")}/>");

    public void Text(double x, double y, string text, string anchor = "middle", int size = 12, string fill = "#333333", string? extra = null) =>
        _svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Number(x)}\" y=\"{Number(y)}\" text-anchor=\"{anchor}\" font-size=\"{size}\" font-family=\"sans-serif\" fill=\"{fill}\"{(extra is null ? string.Empty : " " + extra)}>{Escape(text)}</text>");

    public void Rect(double x, double y, double width, double height, string fill, string? tooltip = null)
    {
        _svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Number(x)}\" y=\"{Number(y)}\" width=\"{Number(Math.Max(0, width))}\" height=\"{Number(Math.Max(0, height))}\" fill=\"{fill}\">");
        if (tooltip is not null)
        {
            _svg.Append("<title>").Append(Escape(tooltip)).Append("</title>");
        }

        _svg.Append("</rect>");
    }

    public void Polyline(IEnumerable<(double X, double Y)> points, string stroke, string name)
    {
        _svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"series\" data-series=\"{Escape(name)}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"2\" points=\"");
        foreach (var (x, y) in points)
        {
            _svg.Append(Number(x)).Append(',').Append(Number(y)).Append(' ');
        }

        _svg.Append("\"/>");
    }

    public override string ToString() => _svg + "</svg>";
}
