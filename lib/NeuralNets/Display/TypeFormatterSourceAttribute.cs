namespace NeuralNets.Display;

/// <summary>
/// Tells the .NET Interactive kernel how to show a library type: as its <see cref="object.ToString"/> text, in
/// <c>text/plain</c> and as <c>&lt;pre&gt;</c> HTML, instead of the kernel's default property table (which showed a
/// <see cref="Training.TrainingHistory"/> with literal "\n"s, cut after seven epochs).
/// </summary>
/// <remarks>
/// The kernel finds this attribute by its name alone ("convention-based formatter sources", in
/// Microsoft.DotNet.Interactive.Formatting's <c>Formatter.TryRegisterFromFormatterSources</c>): it reads
/// <see cref="FormatterSourceType"/> and <see cref="PreferredMimeTypes"/> by reflection. So the library declares its
/// own attribute of that name and needs no reference to the notebook engine; a console program never looks at it.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The class whose <c>CreateTypeFormatters()</c> the kernel calls.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>The forms the kernel sends: HTML for VS Code, plain text for everything else (tests, logs).</summary>
    public string[] PreferredMimeTypes { get; set; } = ["text/html", "text/plain"];
}
