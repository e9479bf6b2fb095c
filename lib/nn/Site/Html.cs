using System.Text;

namespace NeuralNets.Cli.Site;

/// <summary>Text made safe to put in HTML. Unlike <c>WebUtility.HtmlEncode</c> it leaves "·", "η" and "✅" as they
/// are (the pages are UTF-8), so the page source stays readable.</summary>
public static class Html
{
    /// <summary><paramref name="text"/> with <c>&amp; &lt; &gt; "</c> escaped.</summary>
    public static string Encode(string text)
    {
        var html = new StringBuilder(text.Length);
        foreach (var c in text)
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                _ => c.ToString(),
            });
        return html.ToString();
    }
}
