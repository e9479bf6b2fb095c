using System.Text;

namespace NeuralNets.Cli.Site;

/// <summary>
/// The notebooks write a display equation as a paragraph of its own, <c>$$...$$</c>, often over several lines.
/// Markdig's math extension reads <c>$$</c> as a block only when it stands alone on its line; otherwise the equation
/// is left as text (and its <c>{...}</c> taken for attributes). This rewrites each such equation into the block form,
/// which Jupyter and VS Code show the same way.
/// </summary>
public static class DisplayMath
{
    private const string Fence = "$$";

    /// <summary><paramref name="markdown"/> with every equation that opens a line with <c>$$</c> and closes a line
    /// with <c>$$</c> (the same line or a later one) put on lines of its own between <c>$$</c> fences. Code fences
    /// and <c>$$</c> within a sentence are left alone.</summary>
    public static string AsBlocks(string markdown)
    {
        var lines = markdown.Split('\n');
        var result = new StringBuilder(markdown.Length + 16);
        var inCode = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.Trim();
            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
                inCode = !inCode;
            if (!inCode && trimmed.StartsWith(Fence, StringComparison.Ordinal) && trimmed != Fence && Closing(lines, i) is { } last)
            {
                var indent = line[..(line.Length - line.TrimStart().Length)];
                var body = string.Join("\n", lines[i..(last + 1)].Select(l => l.Trim())).Trim()[Fence.Length..^Fence.Length].Trim();
                result.Append(indent).Append(Fence).Append('\n');
                foreach (var bodyLine in body.Split('\n'))
                    result.Append(indent).Append(bodyLine).Append('\n');
                result.Append(indent).Append(Fence);
                i = last;
            }
            else
                result.Append(line);
            if (i < lines.Length - 1)
                result.Append('\n');
        }
        return result.ToString();
    }

    /// <summary>The line that closes the equation opened on line <paramref name="first"/>: this line if it ends in
    /// <c>$$</c>, else the first later line that does, before a blank line; null if there is none, or if another
    /// <c>$$</c> comes first (two equations in a sentence are left to Markdig).</summary>
    private static int? Closing(string[] lines, int first)
    {
        var opening = lines[first].Trim()[Fence.Length..];
        if (opening.Length > Fence.Length && opening.EndsWith(Fence, StringComparison.Ordinal))
            return opening[..^Fence.Length].Contains(Fence, StringComparison.Ordinal) ? null : first;
        if (opening.Contains(Fence, StringComparison.Ordinal))
            return null;
        for (var i = first + 1; i < lines.Length && lines[i].Trim().Length > 0; i++)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.EndsWith(Fence, StringComparison.Ordinal))
                return trimmed[..^Fence.Length].Contains(Fence, StringComparison.Ordinal) ? null : i;
            if (trimmed.Contains(Fence, StringComparison.Ordinal))
                return null;
        }
        return null;
    }
}
