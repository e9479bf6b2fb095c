namespace NeuralNets.Notebooks;

/// <summary>A NuGet package a cell asks for with <c>#r "nuget: Id, Version"</c>.</summary>
/// <param name="Id">The package id, e.g. <c>MathNet.Numerics</c>.</param>
/// <param name="Version">The version or range, e.g. <c>5.0.0</c>; <c>*</c> (latest) when the directive gives none.</param>
public sealed record PackageReference(string Id, string Version)
{
    /// <summary>"Id Version", as messages show it.</summary>
    public override string ToString() => $"{Id} {Version}";

    /// <summary>Reads the part after <c>nuget:</c>: <c>"Id, Version"</c> or <c>"Id"</c>; null if malformed.</summary>
    internal static PackageReference? Parse(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        return parts switch
        {
            [var id] when id.Length > 0 => new PackageReference(id, "*"),
            [var id, var version] when id.Length > 0 && version.Length > 0 => new PackageReference(id, version),
            _ => null,
        };
    }
}
