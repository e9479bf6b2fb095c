namespace NeuralNets.Notebooks.Tests;

/// <summary>
/// Every test that runs a notebook belongs here: a run takes over the console and the working directory, and
/// runs are CPU-heavy on a 2-core machine, so these tests run one at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookRunsCollection
{
    public const string Name = "Notebook runs";
}
