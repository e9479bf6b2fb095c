using System.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using NeuralNets.Activations;

namespace NeuralNets.Layers;

/// <summary>
/// A layer with weights, biases and an activation: the fully connected and the convolutional layer. It holds the
/// parameters, their gradients and the weighted inputs z of the last batch, and does the update step.
/// </summary>
public abstract class WeightedLayer<T> : Layer<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T[] _weights;
    private readonly T[] _biases;
    private readonly T[] _nablaW;
    private readonly T[] _nablaB;

    /// <summary>
    /// A layer with <paramref name="weightCount"/> weights and <paramref name="biasCount"/> biases, the weights drawn
    /// from N(0, 1/<paramref name="fanIn"/>) (Nielsen's chapter-3 initialisation; √2 times wider for ReLU, which
    /// halves the signal on average) and the biases from N(0, 1), with a generator seeded by <paramref name="seed"/>.
    /// </summary>
    protected WeightedLayer(Shape inputShape, Shape outputShape, int weightCount, int biasCount, int fanIn, Activation activation, int seed)
        : base(inputShape, outputShape)
    {
        Activation = activation;
        _weights = new T[weightCount];
        _biases = new T[biasCount];
        _nablaW = new T[weightCount];
        _nablaB = new T[biasCount];
        var random = new MersenneTwister(seed);
        double deviation = (activation == Activation.Relu ? Math.Sqrt(2.0) : 1.0) / Math.Sqrt(fanIn);
        for (int i = 0; i < weightCount; i++)
            _weights[i] = T.CreateTruncating(Normal.Sample(random, 0.0, deviation));
        for (int i = 0; i < biasCount; i++)
            _biases[i] = activation == Activation.Relu ? T.Zero : T.CreateTruncating(Normal.Sample(random, 0.0, 1.0));
    }

    /// <summary>The activation applied to the weighted inputs z.</summary>
    public Activation Activation { get; }

    /// <summary>The weights, in place (row-major: row j holds the weights into output j or filter j).</summary>
    public Span<T> Weights => _weights;

    /// <summary>The biases, in place: one per output neuron or per filter.</summary>
    public Span<T> Biases => _biases;

    /// <summary>∂C/∂w summed over the last batch, in the order of <see cref="Weights"/>.</summary>
    public ReadOnlySpan<T> NablaW => _nablaW;

    /// <summary>∂C/∂b summed over the last batch, in the order of <see cref="Biases"/>.</summary>
    public ReadOnlySpan<T> NablaB => _nablaB;

    /// <inheritdoc />
    public override int ParameterCount => _weights.Length + _biases.Length;

    /// <summary>The weighted inputs z of the last batch (its activations are the layer's output).</summary>
    protected T[] Zs { get; private set; } = [];

    /// <summary>The weights as memory, for the products handed to several cores.</summary>
    protected ReadOnlyMemory<T> WeightMemory => _weights;

    /// <summary>The gradient buffers, for the subclasses' backward passes.</summary>
    protected Memory<T> NablaWBuffer => _nablaW;

    /// <inheritdoc cref="NablaWBuffer"/>
    protected Span<T> NablaBBuffer => _nablaB;

    /// <inheritdoc />
    protected override void Allocate(int batchCapacity) => Zs = new T[batchCapacity * OutputShape.Size];

    /// <summary>a = σ(z) over the batch; softmax normalises each example's outputs together.</summary>
    protected void Activate(Span<T> output, int batch) =>
        Activation.Apply<T>(Zs.AsSpan(0, batch * OutputShape.Size), output[..(batch * OutputShape.Size)], OutputShape.Size);

    /// <summary>δ = ∂C/∂a ⊙ σ′(z) in place, unless the error is already for z.</summary>
    protected void ErrorForWeightedInputs(ReadOnlySpan<T> output, Span<T> outputError, int batch, bool errorIsForWeightedInputs)
    {
        if (!errorIsForWeightedInputs)
            Activation.MultiplyByDerivative<T>(Zs.AsSpan(0, batch * OutputShape.Size), output[..(batch * OutputShape.Size)],
                outputError[..(batch * OutputShape.Size)], OutputShape.Size);
    }

    /// <inheritdoc />
    public override void Update(double eta, double lambda, int trainingCount, int batch)
    {
        T decay = T.CreateTruncating(1.0 - eta * lambda / trainingCount);   // L2 weight decay, eq. 93
        T step = T.CreateTruncating(eta / batch);
        for (int i = 0; i < _weights.Length; i++)
            _weights[i] = decay * _weights[i] - step * _nablaW[i];
        for (int i = 0; i < _biases.Length; i++)
            _biases[i] -= step * _nablaB[i];
    }
}
