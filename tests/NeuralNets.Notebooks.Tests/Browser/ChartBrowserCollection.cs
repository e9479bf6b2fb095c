namespace NeuralNets.Notebooks.Tests.Browser;

/// <summary>
/// The tests that draw charts in Chromium: they share one browser (starting it takes a second or two) and run one
/// at a time, since a 2-core machine gains nothing from drawing in parallel.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChartBrowserCollection : ICollectionFixture<ChartBrowser>
{
    public const string Name = "Chart browser";
}
