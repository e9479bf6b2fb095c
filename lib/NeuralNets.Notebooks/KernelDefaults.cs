using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace NeuralNets.Notebooks;

/// <summary>
/// The script options of the .NET Interactive C# kernel, so that a notebook that runs here runs there and the
/// reverse. Taken from dotnet/interactive, <c>src/Microsoft.DotNet.Interactive.CSharp/CSharpKernel.cs</c>
/// (constructor): <c>ScriptOptions.Default.WithLanguageVersion(LanguageVersion.CSharp12).AddImports(...)</c>.
/// </summary>
internal static class KernelDefaults
{
    /// <summary>The namespaces every cell sees without a using directive (exactly the kernel's list).</summary>
    public static readonly IReadOnlyList<string> Imports =
    [
        "System",
        "System.Text",
        "System.Collections",
        "System.Collections.Generic",
        "System.Threading.Tasks",
        "System.Linq",
    ];

    /// <summary>C# 12: the kernel's version, so notebooks cannot use syntax the kernel rejects.</summary>
    public const LanguageVersion Language = LanguageVersion.CSharp12;

    /// <summary>
    /// Script options for a notebook in <paramref name="notebookFolder"/>: the kernel's imports, language version
    /// and base references; relative <c>#r</c> paths resolve against the notebook's folder (the kernel resolves
    /// them against its working directory, which is the notebook's folder). Debug information is emitted so that
    /// an exception's stack trace has the cell's line numbers.
    /// </summary>
    public static ScriptOptions Create(string notebookFolder) =>
        ScriptOptions.Default
            .WithLanguageVersion(Language)
            .AddImports(Imports)
            .AddReferences(
                typeof(Enumerable).Assembly,
                typeof(IEnumerable<>).Assembly,
                typeof(Task<>).Assembly,
                typeof(NotebookGlobals).Assembly)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(notebookFolder))
            .WithSourceResolver(new SourceFileResolver([], notebookFolder))
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8);
}
