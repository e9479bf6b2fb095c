using NeuralNets.Cli.Site;

namespace NeuralNets.Notebooks.Tests.Site;

/// <summary>Display equations written as <c>$$...$$</c> paragraphs become Markdig math blocks.</summary>
public sealed class DisplayMathTests
{
    [Theory]
    [InlineData("$$x^2$$", "$$\nx^2\n$$")]
    [InlineData("Take\n\n$$a\n = b \\tag{1}$$\n\nnext", "Take\n\n$$\na\n= b \\tag{1}\n$$\n\nnext")]
    [InlineData("  $$x$$", "  $$\n  x\n  $$")] // inside a list item: the indent is kept
    [InlineData("$$\nx\n$$", "$$\nx\n$$")] // already a block
    [InlineData("a $$x$$ in a sentence", "a $$x$$ in a sentence")]
    [InlineData("$$a$$ and $$b$$", "$$a$$ and $$b$$")]
    [InlineData("$$a\n\nb$$", "$$a\n\nb$$")] // a blank line ends the paragraph: not an equation
    [InlineData("```\n$$x$$\n```", "```\n$$x$$\n```")]
    public void Rewrites_only_equations_that_fill_their_lines(string markdown, string expected) =>
        Assert.Equal(expected, DisplayMath.AsBlocks(markdown));

    [Fact]
    public void Markdig_then_makes_a_display_block_of_it()
    {
        var html = Markdown.ToHtml("The rule:\n\n$$\\frac{a}{b}\n = c$$\n");

        Assert.Contains("<div class=\"math\">\n\\[\n\\frac{a}{b}\n= c\n\\]</div>", html);
    }
}
