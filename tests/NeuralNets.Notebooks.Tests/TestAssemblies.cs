using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NeuralNets.Notebooks.Tests;

/// <summary>Compiles small dlls at test time for notebooks to <c>#r</c>.</summary>
public static class TestAssemblies
{
    /// <summary>Compiles <paramref name="source"/> into <paramref name="path"/>, referencing the framework and
    /// <paramref name="references"/>; returns <paramref name="path"/>.</summary>
    public static string Build(string path, string source, params string[] references)
    {
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(System.IO.Path.PathSeparator)
            .Where(file => System.IO.Path.GetFileName(file) is "System.Runtime.dll" or "System.Private.CoreLib.dll" or "netstandard.dll");
        var compilation = CSharpCompilation.Create(
            System.IO.Path.GetFileNameWithoutExtension(path),
            [CSharpSyntaxTree.ParseText(source)],
            framework.Concat(references).Select(file => MetadataReference.CreateFromFile(file)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        return path;
    }
}
