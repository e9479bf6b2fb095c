using NeuralNets.Cli.Site;

namespace NeuralNets.Notebooks.Tests.Site;

/// <summary>An inline equation that wraps onto the next line is put on one line for Markdig.</summary>
public sealed class InlineMathTests
{
    [Theory]
    [InlineData("cost $C = \\frac1n\n\\sum_x C_x$, and", "cost $C = \\frac1n \\sum_x C_x$, and")]
    [InlineData("$a$ and\n$b$", "$a$ and\n$b$")] // two equations, the break between them stays
    [InlineData("price \\$5\nand $x$", "price \\$5\nand $x$")]
    [InlineData("`$a\n` b$", "`$a\n` b$")] // in code
    [InlineData("$a\n\nb$", "$a\n\nb$")] // a paragraph ends first
    [InlineData("$$a\nb$$", "$$a\nb$$")] // display equations are DisplayMath's
    [InlineData("```\n$a\nb$\n```", "```\n$a\nb$\n```")]
    public void Joins_only_the_lines_of_one_inline_equation(string markdown, string expected) =>
        Assert.Equal(expected, InlineMath.JoinLines(markdown));

    [Fact]
    public void Markdig_then_makes_an_equation_of_it() =>
        Assert.Contains("<span class=\"math\">\\(C = \\frac1n \\sum_x C_x\\)</span>", Markdown.ToHtml("cost $C = \\frac1n\n\\sum_x C_x$, and"));
}
