using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NeuralNets.Notebooks;

/// <summary>A parameter the notebook's <c>parameters</c> cell declares, e.g. <c>int epochs = 30;</c>.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Type">Its C# type as the runner writes it: <c>int</c>, <c>long</c>, <c>double</c>, <c>float</c>,
/// <c>bool</c>, <c>string</c>, <c>int[]</c> or <c>double[]</c>; for a <c>var</c> the type of its literal.</param>
public sealed record ParameterDeclaration(string Name, string Type);

/// <summary>A <c>--param</c> the notebook does not declare, or a value that does not parse as its type.</summary>
public sealed class ParameterException(string message) : Exception(message);

/// <summary>
/// Papermill's convention in C#: the cell tagged <c>parameters</c> declares the knobs with their defaults, and
/// a run overrides them by running an injected cell right after it that declares them again with new values
/// (a later cell may declare a variable again, so the new value wins for the rest of the notebook).
/// The parameters cell is parsed with Roslyn, as C# script at the kernel's language version (latest), to learn the
/// names and types.
/// </summary>
public static class NotebookParameters
{
    /// <summary>The tag papermill (and this runner) looks for.</summary>
    public const string Tag = "parameters";

    /// <summary>The tag of the cell the runner injects, as papermill names it.</summary>
    public const string InjectedTag = "injected-parameters";

    private static readonly string[] SupportedTypes = ["int", "long", "double", "float", "bool", "string", "int[]", "double[]"];

    /// <summary>The first cell tagged <c>parameters</c>, or null if there is none.</summary>
    public static NotebookCell? FindCell(Notebook notebook) =>
        notebook.Cells.FirstOrDefault(cell => cell.Kind == CellKind.Code && cell.HasTag(Tag));

    /// <summary>The parameters the notebook declares that the runner can set (variables of a supported type).</summary>
    public static IReadOnlyList<ParameterDeclaration> Declared(Notebook notebook) =>
        FindCell(notebook) is { } cell ? Declared(cell.Source) : [];

    /// <summary>The parameters declared by the C# code <paramref name="source"/> of a parameters cell.</summary>
    public static IReadOnlyList<ParameterDeclaration> Declared(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest, kind: SourceCodeKind.Script));
        // In a script, a top-level "int x = 1;" parses as a field; inside a block it would be a local.
        var declarations = tree.GetRoot().DescendantNodes().Select(node => node switch
        {
            FieldDeclarationSyntax field => field.Declaration,
            LocalDeclarationStatementSyntax local => local.Declaration,
            _ => null,
        }).OfType<VariableDeclarationSyntax>();

        var found = new List<ParameterDeclaration>();
        foreach (var declaration in declarations)
        {
            foreach (var variable in declaration.Variables)
            {
                var type = TypeOf(declaration.Type, variable.Initializer?.Value);
                if (type is not null && SupportedTypes.Contains(type))
                    found.Add(new ParameterDeclaration(variable.Identifier.ValueText, type));
            }
        }
        return found;
    }

    /// <summary>
    /// The code of the injected cell that sets <paramref name="values"/>, e.g. <c>int epochs = 1;</c>.
    /// </summary>
    /// <param name="notebook">The notebook, for its declarations and its name in messages.</param>
    /// <param name="values">Name → value as typed on the command line.</param>
    /// <param name="ignoreUndeclared">Leave out names the notebook does not declare instead of failing.</param>
    /// <exception cref="ParameterException">An undeclared name (naming it and the declared ones), or a bad value.</exception>
    public static string InjectedCode(Notebook notebook, IReadOnlyDictionary<string, string> values, bool ignoreUndeclared)
    {
        var declared = Declared(notebook);
        var lines = new List<string> { "// Parameters injected by nn notebook run." };
        foreach (var (name, value) in values)
        {
            var declaration = declared.LastOrDefault(d => d.Name == name);
            if (declaration is null)
            {
                if (ignoreUndeclared)
                    continue;
                throw new ParameterException(declared.Count == 0
                    ? $"{notebook.FileName} has no parameter '{name}': it has no cell tagged '{Tag}' declaring parameters."
                    : $"{notebook.FileName} has no parameter '{name}'. It declares: {Describe(declared)}.");
            }
            lines.Add($"{declaration.Type} {name} = {Literal(declaration, value)};");
        }
        return string.Join("\n", lines);
    }

    /// <summary>"epochs (int), rate (double)".</summary>
    public static string Describe(IEnumerable<ParameterDeclaration> declared) =>
        string.Join(", ", declared.Select(d => $"{d.Name} ({d.Type})"));

    private static string? TypeOf(TypeSyntax type, ExpressionSyntax? initializer)
    {
        if (!type.IsVar)
        {
            var name = type.ToString().Replace(" ", "", StringComparison.Ordinal);
            return name == "string?" ? "string" : name;
        }
        // "var x = <literal>;": the literal's type ("var epochs = 30;" is an int).
        var literal = initializer is PrefixUnaryExpressionSyntax { Operand: LiteralExpressionSyntax negated } ? negated : initializer as LiteralExpressionSyntax;
        return literal?.Token.Value switch
        {
            int => "int",
            long => "long",
            double => "double",
            float => "float",
            bool => "bool",
            string => "string",
            _ => null,
        };
    }

    /// <summary>The C# literal for <paramref name="text"/> read as the declared type.</summary>
    private static string Literal(ParameterDeclaration declaration, string text) => declaration.Type switch
    {
        "int[]" => $"new int[] {{ {string.Join(", ", Items(text).Select(item => Scalar(declaration, "int", item)))} }}",
        "double[]" => $"new double[] {{ {string.Join(", ", Items(text).Select(item => Scalar(declaration, "double", item)))} }}",
        var type => Scalar(declaration, type, text),
    };

    private static IEnumerable<string> Items(string text) =>
        text.Trim().Length == 0 ? [] : text.Split(',', StringSplitOptions.TrimEntries);

    private static string Scalar(ParameterDeclaration declaration, string type, string text)
    {
        var invariant = CultureInfo.InvariantCulture;
        var trimmed = text.Trim();
        string? literal = type switch
        {
            "int" => int.TryParse(trimmed, NumberStyles.Integer, invariant, out var i) ? i.ToString(invariant) : null,
            "long" => long.TryParse(trimmed, NumberStyles.Integer, invariant, out var l) ? l.ToString(invariant) + "L" : null,
            "double" => double.TryParse(trimmed, NumberStyles.Float, invariant, out var d) ? DoubleLiteral(d) : null,
            "float" => float.TryParse(trimmed, NumberStyles.Float, invariant, out var f) ? FloatLiteral(f) : null,
            "bool" => bool.TryParse(trimmed, out var b) ? (b ? "true" : "false") : null,
            "string" => SymbolDisplay.FormatLiteral(text, quote: true),
            _ => null,
        };
        return literal ?? throw new ParameterException(
            $"parameter '{declaration.Name}': '{text}' is not a valid {type}" +
            (declaration.Type.EndsWith("[]", StringComparison.Ordinal) ? $" (it is a {declaration.Type}: write comma-separated values, e.g. 1,2,3)" : "") + ".");
    }

    private static string DoubleLiteral(double value) => value switch
    {
        double.NaN => "double.NaN",
        double.PositiveInfinity => "double.PositiveInfinity",
        double.NegativeInfinity => "double.NegativeInfinity",
        _ => value.ToString("R", CultureInfo.InvariantCulture) + "d",
    };

    private static string FloatLiteral(float value) => value switch
    {
        float.NaN => "float.NaN",
        float.PositiveInfinity => "float.PositiveInfinity",
        float.NegativeInfinity => "float.NegativeInfinity",
        _ => value.ToString("R", CultureInfo.InvariantCulture) + "f",
    };
}
