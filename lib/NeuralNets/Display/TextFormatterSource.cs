using System.Net;

namespace NeuralNets.Display;

/// <summary>
/// The formatters the kernel uses for a type marked <c>[TypeFormatterSource(typeof(TextFormatterSource))]</c>: its
/// <see cref="object.ToString"/> as plain text, and the same text as preformatted HTML so that its lines and
/// columns survive. The kernel calls <see cref="CreateTypeFormatters"/> by reflection (see
/// <see cref="TypeFormatterSourceAttribute"/>).
/// </summary>
internal sealed class TextFormatterSource
{
    /// <summary>One formatter per MIME type; the kernel reads each one's <c>MimeType</c> and calls its <c>Format</c>.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new TextFormatter("text/plain", text => text),
        new TextFormatter("text/html", text => $"<pre>{WebUtility.HtmlEncode(text)}</pre>"),
    ];

    /// <summary>Writes a value's text in one MIME type.</summary>
    internal sealed class TextFormatter(string mimeType, Func<string, string> render)
    {
        /// <summary>The MIME type this formatter writes.</summary>
        public string MimeType { get; } = mimeType;

        /// <summary>Writes <paramref name="value"/>'s text to <paramref name="writer"/>; true, as the kernel expects when it wrote.</summary>
        public bool Format(object value, TextWriter writer)
        {
            writer.Write(render(value?.ToString() ?? ""));
            return true;
        }
    }
}
