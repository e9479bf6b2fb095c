using System.Globalization;
using System.Numerics;
using System.Numerics.Tensors;
using NeuralNets.Activations;
using NeuralNets.Data;
using NeuralNets.Networks;

namespace NeuralNets.Layers;

/// <summary>
/// A network as a stack of layers, each feeding the next (Nielsen ch. 6's <c>Network</c> of layers): convolutional,
/// pooling, dropout and fully connected layers in any order that fits, ending in a softmax (or sigmoid) layer.
/// <c>LayeredNetwork&lt;float&gt;.Parse("conv20x5,pool2,conv40x5,pool2,fc100,softmax10", new Shape(1, 28, 28))</c> is
/// his best network's shape.
/// </summary>
/// <remarks>
/// The network owns one buffer per boundary between layers for the activations of a whole mini-batch, and one for the
/// errors flowing back, allocated once for the largest batch (<see cref="Prepare"/>); training and evaluation then
/// allocate nothing per batch. The plain <see cref="Network{T}"/> of notebooks 03-09 stays the readable one for
/// fully connected networks; <see cref="FromNetwork"/> turns one into layers and gives the same outputs.
/// </remarks>
public sealed class LayeredNetwork<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly Layer<T>[] _layers;
    private T[][] _activations = [];
    private T[][] _errors = [];

    /// <summary>A network of <paramref name="layers"/>, each reading the shape the one before gives.</summary>
    public LayeredNetwork(IEnumerable<Layer<T>> layers)
    {
        _layers = layers.ToArray();
        if (_layers.Length == 0)
            throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        for (int l = 1; l < _layers.Length; l++)
            if (_layers[l].InputShape.Size != _layers[l - 1].OutputShape.Size)
                throw new ArgumentException($"Layer {l + 1} ({_layers[l].Description}) reads {_layers[l].InputShape}, but layer {l} gives {_layers[l - 1].OutputShape}.");
        if (_layers[^1] is not FullyConnectedLayer<T> last || (last.Activation != Activation.Softmax && last.Activation != Activation.Sigmoid))
            throw new ArgumentException("The last layer must be fully connected with softmax or sigmoid outputs (e.g. softmax10), for the log-likelihood or cross-entropy cost.");
    }

    /// <summary>The layers, input side first.</summary>
    public IReadOnlyList<Layer<T>> Layers => _layers;

    /// <summary>The shape of one input example.</summary>
    public Shape InputShape => _layers[0].InputShape;

    /// <summary>How many outputs (classes) the network has.</summary>
    public int OutputSize => _layers[^1].OutputShape.Size;

    /// <summary>Weights and biases in all layers.</summary>
    public int ParameterCount => _layers.Sum(l => l.ParameterCount);

    /// <summary>The largest mini-batch the buffers are sized for.</summary>
    public int BatchCapacity { get; private set; }

    /// <summary>
    /// Builds a network from a description such as <c>"conv20x5,pool2,conv40x5,pool2,fc100,dropout0.5,softmax10"</c>:
    /// <c>convFxK</c> F filters of K × K, <c>poolP</c> P × P max-pooling, <c>fcN</c> N fully connected neurons,
    /// <c>dropoutP</c> dropout with probability P, and last <c>softmaxN</c> (or <c>sigmoidN</c>) N output neurons.
    /// Hidden convolutional and fully connected layers use <paramref name="hidden"/> (default ReLU, as in Nielsen's
    /// best chapter-6 networks). Each layer's weights come from its own seed, derived from <paramref name="seed"/>.
    /// </summary>
    /// <exception cref="FormatException">A part is not one of those forms; the message names it.</exception>
    public static LayeredNetwork<T> Parse(string description, Shape inputShape, Activation? hidden = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(description);
        hidden ??= Activation.Relu;
        var layers = new List<Layer<T>>();
        Shape shape = inputShape;
        string[] parts = description.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
            throw new FormatException("The layer description is empty; expected e.g. \"conv20x5,pool2,fc100,softmax10\".");
        for (int i = 0; i < parts.Length; i++)
        {
            string part = parts[i].ToLowerInvariant();
            int layerSeed = seed * 1000 + i;
            Layer<T> layer;
            try
            {
                layer = part switch
                {
                    _ when part.StartsWith("conv") && part[4..].Split('x') is [var f, var k] =>
                        new ConvolutionLayer<T>(shape, Whole(f), Whole(k), hidden, layerSeed),
                    _ when part.StartsWith("pool") => new MaxPoolingLayer<T>(shape, Whole(part[4..])),
                    _ when part.StartsWith("fc") => new FullyConnectedLayer<T>(shape, Whole(part[2..]), hidden, layerSeed),
                    _ when part.StartsWith("dropout") => new DropoutLayer<T>(shape, Number(part[7..]), layerSeed),
                    _ when part.StartsWith("softmax") => new FullyConnectedLayer<T>(shape, Whole(part[7..]), Activation.Softmax, layerSeed),
                    _ when part.StartsWith("sigmoid") => new FullyConnectedLayer<T>(shape, Whole(part[7..]), Activation.Sigmoid, layerSeed),
                    _ => throw new FormatException("unknown layer"),
                };
            }
            catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
            {
                throw new FormatException($"Layer {i + 1}, \"{parts[i]}\": {Reason(e)}; expected convFxK (e.g. conv20x5), poolP, fcN, dropoutP (0 ≤ P < 1), softmaxN or sigmoidN.");
            }
            if (part.StartsWith("softmax") || part.StartsWith("sigmoid"))
            {
                if (i != parts.Length - 1)
                    throw new FormatException($"Layer {i + 1}, \"{parts[i]}\": an output layer must come last.");
            }
            else if (i == parts.Length - 1)
                throw new FormatException($"The last layer, \"{parts[i]}\", must be an output layer: softmaxN or sigmoidN (e.g. softmax10).");
            layers.Add(layer);
            shape = layer.OutputShape;
        }
        return new LayeredNetwork<T>(layers);

        static int Whole(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            ? n : throw new FormatException($"'{text}' is not a positive whole number");
        static double Number(string text) => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double p)
            ? p : throw new FormatException($"'{text}' is not a number");
        static string Reason(Exception e) => e.Message == "unknown layer" ? "not a layer this library knows" : e.Message.TrimEnd('.');
    }

    /// <summary>
    /// The fully connected <paramref name="network"/> as layers, with copies of its weights and biases (its hidden and
    /// output activations must be sigmoid, ReLU or tanh, and sigmoid or softmax). Both give the same outputs.
    /// </summary>
    public static LayeredNetwork<T> FromNetwork(Network<T> network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var layers = new List<Layer<T>>();
        for (int l = 0; l < network.LayerCount - 1; l++)
        {
            var activation = l == network.LayerCount - 2 ? network.OutputActivation : network.HiddenActivation;
            var layer = new FullyConnectedLayer<T>(new Shape(network.Sizes[l], 1, 1), network.Sizes[l + 1], activation, seed: 0);
            network.Weights(l).CopyTo(layer.Weights);
            network.Biases(l).CopyTo(layer.Biases);
            layers.Add(layer);
        }
        return new LayeredNetwork<T>(layers);
    }

    /// <summary>Sizes every buffer for mini-batches of up to <paramref name="batchCapacity"/> examples.</summary>
    public void Prepare(int batchCapacity)
    {
        if (batchCapacity <= BatchCapacity)
            return;
        BatchCapacity = batchCapacity;
        foreach (var layer in _layers)
            layer.Prepare(batchCapacity);
        _activations = new T[_layers.Length + 1][];
        _errors = new T[_layers.Length + 1][];
        _activations[0] = new T[batchCapacity * InputShape.Size];
        for (int l = 0; l < _layers.Length; l++)
        {
            _activations[l + 1] = new T[batchCapacity * _layers[l].OutputShape.Size];
            _errors[l + 1] = new T[batchCapacity * _layers[l].OutputShape.Size];
        }
    }

    /// <summary>The input buffer of the next batch: fill the first batch × input-size values, then call <see cref="Forward"/>.</summary>
    public Span<T> InputBuffer => _activations[0];

    /// <summary>Feeds the batch in <see cref="InputBuffer"/> through every layer and returns the outputs, one example's
    /// <see cref="OutputSize"/> values after another. <paramref name="training"/> turns dropout on.</summary>
    public ReadOnlySpan<T> Forward(int batch, bool training)
    {
        RequireCapacity(batch);
        for (int l = 0; l < _layers.Length; l++)
            _layers[l].Forward(_activations[l], _activations[l + 1], batch, training);
        return _activations[^1].AsSpan(0, batch * OutputSize);
    }

    /// <summary>
    /// The backward pass for the batch of the last <see cref="Forward"/>: <paramref name="outputError"/> is δᴸ = ∂C/∂zᴸ
    /// for every example (a − y for softmax with log-likelihood, or sigmoid with cross-entropy, eqs. 66 and 84). Each
    /// layer then holds its gradients, summed over the batch.
    /// </summary>
    public void Backward(ReadOnlySpan<T> outputError, int batch)
    {
        RequireCapacity(batch);
        outputError[..(batch * OutputSize)].CopyTo(_errors[^1]);
        for (int l = _layers.Length - 1; l >= 0; l--)
            _layers[l].Backward(_activations[l], _activations[l + 1], _errors[l + 1], l == 0 ? Memory<T>.Empty : _errors[l],
                batch, errorIsForWeightedInputs: l == _layers.Length - 1);
    }

    /// <summary>One gradient-descent step in every layer with the gradients of the last <see cref="Backward"/>.</summary>
    public void Update(double eta, double lambda, int trainingCount, int batch)
    {
        foreach (var layer in _layers)
            layer.Update(eta, lambda, trainingCount, batch);
    }

    /// <summary>The outputs for one input (values in [0, 1], <see cref="InputShape"/> in channels-last order).</summary>
    public double[] FeedForward(ReadOnlySpan<double> input)
    {
        Prepare(1);
        for (int i = 0; i < InputShape.Size; i++)
            InputBuffer[i] = T.CreateTruncating(input[i]);
        var output = Forward(1, training: false);
        var result = new double[OutputSize];
        for (int j = 0; j < OutputSize; j++)
            result[j] = double.CreateTruncating(output[j]);
        return result;
    }

    /// <summary>The fraction of <paramref name="images"/> whose most active output is their label.</summary>
    public double Accuracy(ImageSet images) => images.Count == 0 ? double.NaN : (double)CountCorrect(images) / images.Count;

    /// <summary>How many of <paramref name="images"/> the network classifies right, evaluated in batches of up to 100.</summary>
    public int CountCorrect(ImageSet images)
    {
        ArgumentNullException.ThrowIfNull(images);
        RequireInputSize(images);
        Prepare(Math.Max(BatchCapacity, 100));
        int batchSize = BatchCapacity, correct = 0, inputSize = InputShape.Size;
        for (int start = 0; start < images.Count; start += batchSize)
        {
            int batch = Math.Min(batchSize, images.Count - start);
            for (int i = 0; i < batch; i++)
                images.CopyInput<T>(start + i, InputBuffer.Slice(i * inputSize, inputSize));
            var outputs = Forward(batch, training: false);
            for (int i = 0; i < batch; i++)
                if (TensorPrimitives.IndexOfMax(outputs.Slice(i * OutputSize, OutputSize)) == images.Label(start + i))
                    correct++;
        }
        return correct;
    }

    /// <summary>One line per layer with its parameters, and the total: the table notebook 12 and <c>nn train</c> print.</summary>
    public string Describe() =>
        string.Join(Environment.NewLine, _layers.Select((layer, l) => $"{l + 1,2}. {layer.Description,-62} {layer.ParameterCount,9:N0} parameters"))
        + Environment.NewLine + $"    {"in all",-62} {ParameterCount,9:N0} parameters";

    /// <inheritdoc />
    public override string ToString() => $"layered network, {_layers.Length} layers, {ParameterCount:N0} parameters";

    internal void RequireInputSize(ImageSet images)
    {
        if (images.PixelsPerImage != InputShape.Size)
            throw new ArgumentException($"{images.Name}: images of {images.Rows} × {images.Columns} do not fit a network reading {InputShape}.");
        if (images.ClassCount > OutputSize)
            throw new ArgumentException($"{images.Name}: {images.ClassCount} classes, but the network has {OutputSize} outputs.");
    }

    private void RequireCapacity(int batch)
    {
        if (batch <= 0 || batch > BatchCapacity)
            throw new ArgumentOutOfRangeException(nameof(batch), $"A batch of {batch} does not fit buffers prepared for {BatchCapacity}; call Prepare first.");
    }
}
