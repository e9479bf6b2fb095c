using System.Text;
using System.Text.RegularExpressions;

namespace NeuralNets.Notebooks;

/// <summary>A code cell made ready for Roslyn: the directives the kernel handles itself are taken out.</summary>
/// <param name="Code">The code to submit. Taken-out lines are left empty, so line numbers match the cell's.</param>
/// <param name="Packages">The cell's <c>#r "nuget: ..."</c> packages.</param>
/// <param name="RestoreSources">The cell's <c>#i "nuget: ..."</c> package sources.</param>
/// <param name="ReferenceFolders">Folders of the cell's <c>#r "path.dll"</c> references (probed for dependencies).</param>
/// <param name="IsMarkdown">True if the cell is for the markdown kernel (<c>#!markdown</c>): nothing to run.</param>
internal sealed record PreparedCell(
    string Code,
    IReadOnlyList<PackageReference> Packages,
    IReadOnlyList<string> RestoreSources,
    IReadOnlyList<string> ReferenceFolders,
    bool IsMarkdown);

/// <summary>A directive or kernel the runner does not support; <see cref="Line"/> is within the cell, from 1.</summary>
internal sealed class DirectiveException(int? line, string message) : Exception(message)
{
    public int? Line { get; } = line;
}

/// <summary>
/// Reads the kernel's own directives in a cell, as Polyglot Notebooks does before C# sees the code:
/// the <c>#!csharp</c> / <c>#!markdown</c> kernel markers, <c>#r "nuget: Id, Version"</c> and
/// <c>#i "nuget: source"</c>. <c>#r "path.dll"</c> is left for Roslyn, which resolves it like the kernel.
/// Any other magic command (<c>#!time</c>, <c>#!fsharp</c>...) and <c>#load</c> are errors that name it.
/// </summary>
internal static partial class CellDirectives
{
    // The kernel names and aliases Polyglot Notebooks accepts for C# and markdown.
    private static readonly string[] CSharpKernel = ["csharp", "c#", "C#"];
    private static readonly string[] MarkdownKernel = ["markdown", "md"];

    [GeneratedRegex("""^#r\s+"(?<argument>[^"]*)"\s*$""")]
    private static partial Regex ReferenceDirective();

    [GeneratedRegex("""^#i\s+"(?<argument>[^"]*)"\s*$""")]
    private static partial Regex SourceDirective();

    /// <summary>Prepares <paramref name="cell"/> of a notebook in <paramref name="notebookFolder"/>.</summary>
    /// <exception cref="DirectiveException">An unsupported magic command, kernel or directive.</exception>
    public static PreparedCell Prepare(NotebookCell cell, string notebookFolder)
    {
        var inMarkdown = cell.KernelName switch
        {
            null => false,
            var name when CSharpKernel.Contains(name) => false,
            var name when MarkdownKernel.Contains(name) => true,
            var name => throw new DirectiveException(null,
                $"the cell is for the '{name}' kernel; the runner runs only C# cells (kernel 'csharp')."),
        };

        var code = new StringBuilder();
        var packages = new List<PackageReference>();
        var sources = new List<string>();
        var folders = new List<string>();
        var lines = cell.Source.Split('\n');
        var sawCode = false;
        for (var index = 0; index < lines.Length; index++)
        {
            var line = lines[index].TrimEnd('\r');
            var kept = Directive(line.Trim(), index + 1, notebookFolder, ref inMarkdown, packages, sources, folders) ? "" : line;
            if (inMarkdown)
                kept = "";
            sawCode |= kept.Trim().Length > 0;
            code.Append(kept);
            if (index < lines.Length - 1)
                code.Append('\n');
        }
        var isMarkdown = !sawCode && packages.Count == 0 && sources.Count == 0 && (inMarkdown || cell.KernelName is "markdown" or "md");
        return new PreparedCell(code.ToString(), packages, sources, folders, isMarkdown);
    }

    /// <summary>Handles <paramref name="line"/> if it is a kernel directive; true if it is to be left out of the code.</summary>
    private static bool Directive(string line, int lineNumber, string notebookFolder, ref bool inMarkdown,
        List<PackageReference> packages, List<string> sources, List<string> folders)
    {
        if (line.StartsWith("#!", StringComparison.Ordinal))
        {
            var name = line[2..].Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
            if (CSharpKernel.Contains(name))
                inMarkdown = false;
            else if (MarkdownKernel.Contains(name))
                inMarkdown = true;
            else
                throw new DirectiveException(lineNumber,
                    $"unsupported magic command '#!{name}': the runner supports the #!csharp and #!markdown cell markers, " +
                    "#r \"nuget: Id, Version\", #r \"path.dll\" and #i \"nuget: source\".");
            return true;
        }
        if (inMarkdown)
            return true;
        if (line.StartsWith("#load", StringComparison.Ordinal))
            throw new DirectiveException(lineNumber, "unsupported directive '#load': put shared code in the library instead.");

        if (ReferenceDirective().Match(line) is { Success: true } reference)
        {
            var argument = reference.Groups["argument"].Value.Trim();
            if (!argument.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
            {
                // Roslyn resolves and loads the dll; its folder is remembered so its dependencies can be found.
                folders.Add(Path.GetDirectoryName(Path.GetFullPath(Path.Combine(notebookFolder, argument)))!);
                return false;
            }
            packages.Add(PackageReference.Parse(argument["nuget:".Length..])
                ?? throw new DirectiveException(lineNumber, $"malformed package reference '#r \"{argument}\"': write #r \"nuget: Id, Version\"."));
            return true;
        }

        if (SourceDirective().Match(line) is { Success: true } source)
        {
            var argument = source.Groups["argument"].Value.Trim();
            if (!argument.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase) || argument.Length == "nuget:".Length)
                throw new DirectiveException(lineNumber, $"unsupported '#i \"{argument}\"': write #i \"nuget: <package source>\".");
            var location = argument["nuget:".Length..].Trim();
            // A relative local feed is relative to the notebook, like a relative #r path.
            sources.Add(Uri.TryCreate(location, UriKind.Absolute, out _) ? location : Path.GetFullPath(Path.Combine(notebookFolder, location)));
            return true;
        }
        return false;
    }
}
