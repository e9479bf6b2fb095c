using System.Text;

namespace NeuralNets.Cli.Site;

/// <summary>
/// An inline equation may wrap onto the next line of its paragraph (<c>$C = \frac1n</c> ⏎ <c>\sum_x C_x$</c>), as
/// Jupyter allows; Markdig's math extension does not, and would show it as TeX. This puts each such equation on one
/// line (the line break becomes a space, so every other position in the text stays where it was).
/// </summary>
public static class InlineMath
{
    /// <summary><paramref name="markdown"/> with the line breaks inside <c>$...$</c> replaced by spaces. Code
    /// (fenced blocks and backtick spans), <c>\$</c> and <c>$$</c> equations are left alone, and an equation never
    /// runs past the end of its paragraph.</summary>
    public static string JoinLines(string markdown)
    {
        var text = new StringBuilder(markdown);
        var inFence = false;
        var i = 0;
        while (i < text.Length)
        {
            if (AtLineStart(text, i) && StartsFence(text, i))
            {
                inFence = !inFence;
                i = EndOfLine(text, i);
                continue;
            }
            var c = text[i];
            if (inFence || c == '\\')
                i += c == '\\' ? 2 : 1;
            else if (c == '`')
                i = Skip(text, i, "`");
            else if (c == '$' && i + 1 < text.Length && text[i + 1] == '$')
                i = Skip(text, i, "$$");
            else if (c == '$' && Close(text, i) is { } close)
            {
                for (var j = i + 1; j < close; j++)
                    if (text[j] == '\n')
                        text[j] = ' ';
                i = close + 1;
            }
            else
                i++;
        }
        return text.ToString();
    }

    /// <summary>The position of the <c>$</c> closing the equation opened at <paramref name="open"/>, or null if
    /// the paragraph ends first.</summary>
    private static int? Close(StringBuilder text, int open)
    {
        for (var j = open + 1; j < text.Length; j++)
        {
            if (text[j] == '\\')
                j++;
            else if (text[j] == '$')
                return j;
            else if (text[j] == '\n' && (j + 1 == text.Length || IsBlankLine(text, j + 1)))
                return null;
        }
        return null;
    }

    /// <summary>Past the span that <paramref name="delimiter"/> opens at <paramref name="start"/> (to its closing
    /// delimiter, or one character on if it has none).</summary>
    private static int Skip(StringBuilder text, int start, string delimiter)
    {
        var close = text.ToString(start + delimiter.Length, text.Length - start - delimiter.Length).IndexOf(delimiter, StringComparison.Ordinal);
        return close < 0 ? start + delimiter.Length : start + 2 * delimiter.Length + close;
    }

    private static bool AtLineStart(StringBuilder text, int i) => i == 0 || text[i - 1] == '\n';

    private static bool StartsFence(StringBuilder text, int i)
    {
        while (i < text.Length && text[i] == ' ')
            i++;
        return i + 3 <= text.Length && (text.ToString(i, 3) == "```" || text.ToString(i, 3) == "~~~");
    }

    private static int EndOfLine(StringBuilder text, int i)
    {
        while (i < text.Length && text[i] != '\n')
            i++;
        return i + 1;
    }

    private static bool IsBlankLine(StringBuilder text, int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t')
            i++;
        return i == text.Length || text[i] == '\n';
    }
}
