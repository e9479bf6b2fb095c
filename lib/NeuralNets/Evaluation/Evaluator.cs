using System.Numerics;
using System.Numerics.Tensors;
using NeuralNets.Costs;
using NeuralNets.Data;
using NeuralNets.Networks;
using NeuralNets.Training;

namespace NeuralNets.Evaluation;

/// <summary>
/// Measures a network on a data set: accuracy, cost, confusion matrix, predictions. It feeds the data forward
/// in chunks of many examples at once, reusing its memory, so measuring after every epoch stays cheap.
/// </summary>
public sealed class Evaluator<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int ChunkSize = 500;
    private readonly Backpropagation<T> _forward;
    private readonly MiniBatch<T> _chunk;

    /// <summary>An evaluator for <paramref name="network"/> (it sees later changes to its weights).</summary>
    public Evaluator(Network<T> network)
    {
        Network = network ?? throw new ArgumentNullException(nameof(network));
        _forward = new Backpropagation<T>(network, ChunkSize);
        _chunk = new MiniBatch<T>(network.InputSize, network.OutputSize, ChunkSize);
    }

    /// <summary>The network measured.</summary>
    public Network<T> Network { get; }

    /// <summary>How many images the network classifies right (Nielsen's <c>evaluate</c>).</summary>
    public int CountCorrect(ImageSet data)
    {
        int correct = 0;
        ForEachOutput(data, (index, output) =>
        {
            if (TensorPrimitives.IndexOfMax(output) == data.Label(index))
                correct++;
        });
        return correct;
    }

    /// <summary>The fraction of images classified right, from 0 to 1.</summary>
    public double Accuracy(ImageSet data) => data.Count == 0 ? double.NaN : (double)CountCorrect(data) / data.Count;

    /// <summary>
    /// The average cost over the data, plus the L2 term ½(λ/n)Σw² when <paramref name="lambda"/> is not zero
    /// (n being this data's size, as in Nielsen's <c>total_cost</c>).
    /// </summary>
    public double Cost(ImageSet data, Cost cost, double lambda = 0)
    {
        ArgumentNullException.ThrowIfNull(cost);
        double total = 0;
        int outputs = Network.OutputSize;
        var y = new T[outputs];
        ForEachOutput(data, (index, output) =>
        {
            Array.Clear(y);
            y[data.Label(index)] = T.One;
            total += double.CreateTruncating(cost.Value<T>(output, y));
        });
        double average = total / data.Count;
        if (lambda != 0)
        {
            double squares = 0;
            for (int l = 0; l < Network.LayerCount - 1; l++)
                squares += double.CreateTruncating(TensorPrimitives.SumOfSquares<T>(Network.Weights(l)));
            average += 0.5 * lambda / data.Count * squares;
        }
        return average;
    }

    /// <summary>Counts of (true label, predicted label) pairs over the data.</summary>
    public ConfusionMatrix ConfusionMatrix(ImageSet data)
    {
        var counts = new int[data.ClassCount, data.ClassCount];
        ForEachOutput(data, (index, output) => counts[data.Label(index), TensorPrimitives.IndexOfMax(output)]++);
        return new ConfusionMatrix(counts);
    }

    /// <summary>For every image: its label, the network's pick and all its output activations.</summary>
    public Prediction[] Predictions(ImageSet data)
    {
        var predictions = new Prediction[data.Count];
        ForEachOutput(data, (index, output) =>
        {
            var outputs = new double[output.Length];
            for (int j = 0; j < output.Length; j++)
                outputs[j] = double.CreateTruncating(output[j]);
            predictions[index] = new Prediction(index, data.Label(index), TensorPrimitives.IndexOfMax(outputs), outputs);
        });
        return predictions;
    }

    private delegate void OutputHandler(int index, ReadOnlySpan<T> output);

    private void ForEachOutput(ImageSet data, OutputHandler handle)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.PixelsPerImage != Network.InputSize || data.ClassCount != Network.OutputSize)
            throw new ArgumentException(
                $"{data.Name} has {data.PixelsPerImage} pixels and {data.ClassCount} classes, but the network has {Network.InputSize} inputs and {Network.OutputSize} outputs.");
        int outputs = Network.OutputSize;
        for (int start = 0; start < data.Count; start += ChunkSize)
        {
            int count = Math.Min(ChunkSize, data.Count - start);
            _chunk.Load(data, start, count);
            var output = _forward.FeedForward(_chunk.Inputs, count);
            for (int i = 0; i < count; i++)
                handle(start + i, output.Slice(i * outputs, outputs));
        }
    }
}
