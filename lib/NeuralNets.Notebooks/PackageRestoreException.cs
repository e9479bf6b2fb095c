namespace NeuralNets.Notebooks;

/// <summary>A package restore failed; the message names the packages and quotes the restore's first error lines.</summary>
public sealed class PackageRestoreException(string message, IReadOnlyList<PackageReference> failedPackages) : Exception(message)
{
    /// <summary>The packages the restore's errors name (all requested ones if it names none).</summary>
    public IReadOnlyList<PackageReference> FailedPackages { get; } = failedPackages;
}
