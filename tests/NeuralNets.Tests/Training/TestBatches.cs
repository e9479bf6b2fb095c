using NeuralNets.Training;

namespace NeuralNets.Tests.Training;

/// <summary>Mini-batches of made-up examples for the gradient checks: inputs uniform in [−1, 1], random labels.</summary>
internal static class TestBatches
{
    /// <summary><paramref name="count"/> examples of <paramref name="inputs"/> values, each labelled with one of
    /// <paramref name="outputs"/> classes, the same for the same <paramref name="seed"/>.</summary>
    public static MiniBatch<double> Random(int inputs, int outputs, int count, int seed)
    {
        var random = new Random(seed);
        var batch = new MiniBatch<double>(inputs, outputs, count);
        var x = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, inputs).Select(_ => random.NextDouble() * 2 - 1).ToArray()).ToArray();
        var labels = Enumerable.Range(0, count).Select(_ => random.Next(outputs)).ToArray();
        batch.Load(x, labels);
        return batch;
    }
}
