namespace NeuralNets.Notebooks;

/// <summary>What a restore produced.</summary>
/// <param name="AssemblyPaths">Full paths of the runtime assemblies of the packages and their dependencies.</param>
/// <param name="FromCache">True if an earlier restore of the same package set was reused.</param>
/// <param name="Seconds">How long it took.</param>
public sealed record PackageRestoreResult(IReadOnlyList<string> AssemblyPaths, bool FromCache, double Seconds);
