using System.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;
using NeuralNets.Activations;

namespace NeuralNets.Networks;

/// <summary>
/// A fully connected feed-forward network of any layer sizes, e.g. [784, 30, 10] (Nielsen) or
/// [784, 16, 16, 10] (3Blue1Brown). <typeparamref name="T"/> is the precision: <c>float</c> trains fastest,
/// <c>double</c> is for exact comparisons such as gradient checking.
/// </summary>
/// <remarks>
/// Layers are numbered as in Nielsen's network.py: layer 0 is the input; <c>Weights(0)</c> and
/// <c>Biases(0)</c> lead into layer 1. (The book writes wˡ for the weights into layer l, counting the input
/// as layer 1, so the book's w² is our <c>Weights(0)</c>.) Weight matrices are stored row-major:
/// row j of <c>Weights(l)</c> holds the weights into neuron j of layer l + 1.
/// </remarks>
[NeuralNets.Display.TypeFormatterSource(typeof(NeuralNets.Display.TextFormatterSource))]
public sealed class Network<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _sizes;
    private readonly T[][] _weights;
    private readonly T[][] _biases;

    /// <summary>
    /// A network with random weights and biases drawn from a generator seeded with <paramref name="seed"/>:
    /// the same seed always gives the same network.
    /// </summary>
    /// <param name="sizes">Neurons per layer, input first: [784, 30, 10].</param>
    /// <param name="hidden">Activation of the hidden layers (default sigmoid).</param>
    /// <param name="output">Activation of the output layer (default sigmoid; softmax goes with log-likelihood).</param>
    /// <param name="initialisation">How weights are drawn (default standard normal, as in chapter 1).</param>
    /// <param name="seed">Seed of the random generator.</param>
    public Network(IReadOnlyList<int> sizes, Activation? hidden = null, Activation? output = null,
        WeightInitialisation initialisation = WeightInitialisation.StandardNormal, int seed = 0)
        : this(sizes, hidden ?? Activation.Sigmoid, output ?? Activation.Sigmoid)
    {
        var random = new MersenneTwister(seed);
        for (int l = 0; l < _weights.Length; l++)
        {
            int inputs = _sizes[l];
            double deviation = initialisation == WeightInitialisation.ScaledNormal ? 1.0 / Math.Sqrt(inputs) : 1.0;
            // Weights first, then biases, layer by layer: the order fixes which random number lands where.
            for (int i = 0; i < _weights[l].Length; i++)
                _weights[l][i] = T.CreateTruncating(Normal.Sample(random, 0.0, deviation));
            for (int i = 0; i < _biases[l].Length; i++)
                _biases[l][i] = T.CreateTruncating(Normal.Sample(random, 0.0, 1.0));
        }
    }

    private Network(IReadOnlyList<int> sizes, Activation hidden, Activation output)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Count < 2)
            throw new ArgumentException($"A network needs at least an input and an output layer; got {sizes.Count} layer size(s).", nameof(sizes));
        for (int l = 0; l < sizes.Count; l++)
            if (sizes[l] <= 0)
                throw new ArgumentException($"Layer {l} has {sizes[l]} neurons; every layer needs at least one.", nameof(sizes));
        if (!hidden.IsElementWise)
            throw new ArgumentException($"{hidden.Name} can only be the output layer's activation.", nameof(hidden));

        _sizes = sizes.ToArray();
        HiddenActivation = hidden;
        OutputActivation = output;
        _weights = new T[_sizes.Length - 1][];
        _biases = new T[_sizes.Length - 1][];
        for (int l = 0; l < _weights.Length; l++)
        {
            _weights[l] = new T[_sizes[l + 1] * _sizes[l]];
            _biases[l] = new T[_sizes[l + 1]];
        }
    }

    /// <summary>A network with the given shape and every weight and bias zero, to be filled in (e.g. by loading a file).</summary>
    public static Network<T> Empty(IReadOnlyList<int> sizes, Activation hidden, Activation output) => new(sizes, hidden, output);

    /// <summary>Neurons per layer, input first.</summary>
    public IReadOnlyList<int> Sizes => _sizes;

    /// <summary>How many layers there are, counting the input layer.</summary>
    public int LayerCount => _sizes.Length;

    /// <summary>Neurons in the input layer (784 for MNIST).</summary>
    public int InputSize => _sizes[0];

    /// <summary>Neurons in the output layer (10 for MNIST).</summary>
    public int OutputSize => _sizes[^1];

    /// <summary>The activation of every hidden layer.</summary>
    public Activation HiddenActivation { get; }

    /// <summary>The activation of the output layer.</summary>
    public Activation OutputActivation { get; }

    /// <summary>The activation of the layer that <c>Weights(l)</c> leads into.</summary>
    public Activation ActivationOf(int l) => l == _weights.Length - 1 ? OutputActivation : HiddenActivation;

    /// <summary>How many weights and biases there are: 13,002 for [784, 16, 16, 10].</summary>
    public int ParameterCount => _weights.Sum(w => w.Length) + _biases.Sum(b => b.Length);

    /// <summary>
    /// The weights from layer <paramref name="l"/> into layer l + 1, row-major (Sizes[l+1] rows × Sizes[l] columns),
    /// as the live storage: writing changes the network.
    /// </summary>
    public Span<T> Weights(int l) => _weights[CheckLayer(l)];

    /// <summary>The biases of layer l + 1, as the live storage.</summary>
    public Span<T> Biases(int l) => _biases[CheckLayer(l)];

    /// <summary>A copy of the weights into layer l + 1 as a MathNet matrix: row j holds the weights into neuron j.</summary>
    public Matrix<T> WeightMatrix(int l)
    {
        int rows = _sizes[CheckLayer(l) + 1], columns = _sizes[l];
        var w = _weights[l];
        return Matrix<T>.Build.Dense(rows, columns, (j, k) => w[j * columns + k]);
    }

    /// <summary>A copy of the biases of layer l + 1 as a MathNet vector.</summary>
    public MathNet.Numerics.LinearAlgebra.Vector<T> BiasVector(int l) => MathNet.Numerics.LinearAlgebra.Vector<T>.Build.Dense(_biases[CheckLayer(l)].ToArray());

    /// <summary>
    /// Feeds one input forward, layer by layer: a ← σ(W·a + b) (Nielsen eq. 25). Written with MathNet so it
    /// reads like the equation; training uses the batched kernels instead.
    /// </summary>
    public MathNet.Numerics.LinearAlgebra.Vector<T> FeedForward(MathNet.Numerics.LinearAlgebra.Vector<T> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Count != InputSize)
            throw new ArgumentException($"The input has {input.Count} values; this network's input layer has {InputSize}.", nameof(input));
        var a = input;
        for (int l = 0; l < _weights.Length; l++)
        {
            var z = WeightMatrix(l) * a + BiasVector(l);
            var activation = new T[z.Count];
            ActivationOf(l).Apply<T>(z.AsArray() ?? z.ToArray(), activation, z.Count);
            a = MathNet.Numerics.LinearAlgebra.Vector<T>.Build.Dense(activation);
        }
        return a;
    }

    /// <summary>
    /// The output activations for one input, through the same fast kernels training uses (a batch of one):
    /// the same numbers as the MathNet form above, without copying the weights into matrices on every call.
    /// </summary>
    public T[] FeedForward(ReadOnlySpan<T> input)
    {
        if (input.Length != InputSize)
            throw new ArgumentException($"The input has {input.Length} values; this network's input layer has {InputSize}.", nameof(input));
        return new Training.Backpropagation<T>(this, 1).FeedForward(input, 1).ToArray();
    }

    /// <summary>The class the network picks for one input: the index of the most active output neuron.</summary>
    public int Predict(ReadOnlySpan<T> input) => System.Numerics.Tensors.TensorPrimitives.IndexOfMax<T>(FeedForward(input));

    /// <summary>An independent copy: same shape, activations, weights and biases.</summary>
    public Network<T> Clone()
    {
        var copy = new Network<T>(_sizes, HiddenActivation, OutputActivation);
        for (int l = 0; l < _weights.Length; l++)
        {
            _weights[l].AsSpan().CopyTo(copy._weights[l]);
            _biases[l].AsSpan().CopyTo(copy._biases[l]);
        }
        return copy;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"Network<{(typeof(T) == typeof(float) ? "float" : typeof(T) == typeof(double) ? "double" : typeof(T).Name)}> [{string.Join(", ", _sizes)}], {HiddenActivation} hidden, {OutputActivation} output, {ParameterCount:N0} parameters";

    private int CheckLayer(int l)
    {
        if ((uint)l >= (uint)_weights.Length)
            throw new ArgumentOutOfRangeException(nameof(l), $"Weight layer {l} does not exist; this network has {_weights.Length} (0 to {_weights.Length - 1}).");
        return l;
    }
}
