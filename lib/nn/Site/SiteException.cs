namespace NeuralNets.Cli.Site;

/// <summary>A site that cannot be built for a reason the user can fix (a missing npm install, a foreign output
/// folder, a notebook that is not an executed copy); <c>nn site</c> prints its message as one line and exits 1.</summary>
public sealed class SiteException(string message) : Exception(message);
