using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NeuralNets.Cli.Site;

/// <summary>
/// The notebooks' markdown as HTML, by Markdig with its advanced extensions. Its math extension turns <c>$x$</c> into
/// <c>&lt;span class="math"&gt;\(x\)&lt;/span&gt;</c> and <c>$$x$$</c> into <c>&lt;div class="math"&gt;\[x\]&lt;/div&gt;</c>,
/// which KaTeX typesets in the browser (site.js). <c>$$x$$</c> inside a paragraph (the notebooks' usual way, one
/// line) is inline math to Markdig; it gets the class <c>display</c> so that KaTeX sets it as a display. A link to another notebook (<c>04-cost-functions.ipynb</c>) is
/// pointed at its page.
/// </summary>
public static partial class Markdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .UseMathematics()
        .Build();

    // "04-cost-functions.ipynb" or "04-cost-functions.ipynb#section", with no scheme: a notebook of this course.
    [GeneratedRegex(@"^(?<name>[^:?#]+)\.ipynb(?<fragment>#.*)?$")]
    private static partial Regex NotebookLink();

    /// <summary>The markdown parsed, with display equations put in block form (<see cref="DisplayMath"/>), inline
    /// ones on one line (<see cref="InlineMath"/>), and links to
    /// notebooks pointed at their pages. The blocks' spans are positions in <c>Text</c>, the markdown as rewritten.</summary>
    public static (MarkdownDocument Document, string Text) Parse(string markdown)
    {
        var text = InlineMath.JoinLines(DisplayMath.AsBlocks(markdown));
        var document = Markdig.Markdown.Parse(text, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
            if (link.Url is { } url && NotebookLink().Match(url) is { Success: true } match)
                link.Url = $"{match.Groups["name"].Value}.html{match.Groups["fragment"].Value}";
        foreach (var math in document.Descendants<MathInline>())
            if (math.DelimiterCount >= 2)
                math.GetAttributes().AddClass("display");
        return (document, text);
    }

    /// <summary>The HTML of <paramref name="markdown"/>.</summary>
    public static string ToHtml(string markdown) => ToHtml(Parse(markdown).Document);

    /// <summary>The HTML of a parsed document.</summary>
    public static string ToHtml(MarkdownDocument document)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    /// <summary>The markdown text of one block (a heading or paragraph found by <see cref="Parse"/>) of
    /// <paramref name="markdown"/> (the <c>Text</c> that Parse returned), for rendering it alone.</summary>
    public static string SourceOf(string markdown, Block block) => markdown.Substring(block.Span.Start, block.Span.Length);
}
