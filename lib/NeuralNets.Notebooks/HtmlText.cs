using System.Net;
using System.Text.RegularExpressions;

namespace NeuralNets.Notebooks;

/// <summary>The text a reader sees in a piece of HTML: tags, styles and scripts left out, entities decoded.</summary>
internal static partial class HtmlText
{
    [GeneratedRegex(@"<(style|script)\b[^>]*>.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex StyleOrScript();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    /// <summary>"&lt;div&gt;&lt;pre&gt;2&lt;/pre&gt;&lt;/div&gt;" → "2".</summary>
    public static string Strip(string html) =>
        WebUtility.HtmlDecode(Tag().Replace(StyleOrScript().Replace(html, ""), "")).Trim();
}
