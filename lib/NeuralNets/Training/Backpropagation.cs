using System.Numerics;
using System.Numerics.Tensors;
using NeuralNets.Costs;
using NeuralNets.Networks;
using K = NeuralNets.Kernels.Kernels;

namespace NeuralNets.Training;

/// <summary>
/// Backpropagation over a whole mini-batch in matrix form: the four equations BP1-BP4 of Nielsen's
/// chapter 2, with one example per column. It keeps the intermediate values (zˡ, aˡ, δˡ) so that
/// notebooks can look at them, and reuses its memory from batch to batch.
/// </summary>
/// <remarks>
/// Index l here counts weight layers as <see cref="Network{T}"/> does: <c>WeightedInputs(l)</c> is z of
/// layer l + 1, <c>Activations(0)</c> is the input and <c>Activations(l + 1)</c> = σ(<c>WeightedInputs(l)</c>).
/// </remarks>
public sealed class Backpropagation<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _sizes;
    private readonly T[][] _zs;           // zs[l]: weighted inputs of layer l + 1, one column per example
    private readonly T[][] _activations;  // activations[0] = x, activations[l + 1] = σ(zs[l])
    private readonly T[][] _deltas;       // deltas[l]: the error δ of layer l + 1
    private T[][]? _dropoutMasks;         // masks[l]: 0 or 1/(1 − p) for each neuron of hidden layer l + 1, per example
    private T[][]? _keptActivations;      // σ(zs[l]) before the mask, which σ′ is computed from
    private int _count;

    /// <summary>Buffers for mini-batches of up to <paramref name="capacity"/> examples through <paramref name="network"/>.</summary>
    public Backpropagation(Network<T> network, int capacity)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (capacity <= 0)
            throw new ArgumentOutOfRangeException(nameof(capacity), $"Batch capacity must be positive, got {capacity}.");
        Network = network;
        Capacity = capacity;
        _sizes = network.Sizes.ToArray();
        int weightLayers = _sizes.Length - 1;
        _zs = new T[weightLayers][];
        _deltas = new T[weightLayers][];
        _activations = new T[_sizes.Length][];
        _activations[0] = new T[_sizes[0] * capacity];
        for (int l = 0; l < weightLayers; l++)
        {
            _zs[l] = new T[_sizes[l + 1] * capacity];
            _deltas[l] = new T[_sizes[l + 1] * capacity];
            _activations[l + 1] = new T[_sizes[l + 1] * capacity];
        }
        Gradients = new Gradients<T>(network);
    }

    /// <summary>The network whose weights are used (and whose gradients are computed).</summary>
    public Network<T> Network { get; }

    /// <summary>The most examples one call may pass.</summary>
    public int Capacity { get; }

    /// <summary>∇C for the last mini-batch passed to <c>Backpropagate</c>.</summary>
    public Gradients<T> Gradients { get; }

    /// <summary>zˡ⁺¹ = Wˡ aˡ + bˡ of the last batch, one column per example.</summary>
    public ReadOnlySpan<T> WeightedInputs(int l) => _zs[l].AsSpan(0, _sizes[l + 1] * _count);

    /// <summary>aˡ of the last batch: <c>Activations(0)</c> is the input, the last one the output.</summary>
    public ReadOnlySpan<T> Activations(int layer) => _activations[layer].AsSpan(0, _sizes[layer] * _count);

    /// <summary>δˡ⁺¹ = ∂C/∂zˡ⁺¹ of the last batch passed to <c>Backpropagate</c>.</summary>
    public ReadOnlySpan<T> Errors(int l) => _deltas[l].AsSpan(0, _sizes[l + 1] * _count);

    /// <summary>True while dropout masks are drawn (<see cref="DrawDropoutMasks"/>) and not yet cleared.</summary>
    public bool DropoutActive => _dropoutMasks is not null;

    /// <summary>
    /// Dropout (Nielsen chapter 3): for every example column and every neuron of every hidden layer, drop the neuron
    /// with probability <paramref name="p"/>. Until <see cref="ClearDropoutMasks"/>, each forward pass multiplies the
    /// hidden activations by the mask, which holds 0 for a dropped neuron and 1/(1 − p) for a kept one, and
    /// backpropagation carries the same factor into δ, so a dropped neuron neither passes anything on nor gets any
    /// gradient. Scaling the kept neurons during training ("inverted dropout") keeps each neuron's expected input to
    /// the next layer unchanged, so the trained network needs no rescaling afterwards (Nielsen halves the outgoing
    /// weights instead, after training with p = ½). A mask is drawn per example, not per mini-batch: each example sees
    /// its own thinned network, at the same cost.
    /// </summary>
    /// <param name="p">The probability of dropping a hidden neuron, at least 0 and below 1.</param>
    /// <param name="random">The generator to draw from (seeded, so a run can be repeated).</param>
    public void DrawDropoutMasks(double p, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (!(p >= 0 && p < 1))
            throw new ArgumentOutOfRangeException(nameof(p), $"The dropout probability must be at least 0 and below 1, got {p}.");
        int hiddenLayers = _zs.Length - 1;
        if (_dropoutMasks is null)
        {
            _dropoutMasks = new T[hiddenLayers][];
            _keptActivations = new T[hiddenLayers][];
            for (int l = 0; l < hiddenLayers; l++)
            {
                _dropoutMasks[l] = new T[_sizes[l + 1] * Capacity];
                _keptActivations[l] = new T[_sizes[l + 1] * Capacity];
            }
        }
        T kept = T.CreateTruncating(1 / (1 - p));
        foreach (var mask in _dropoutMasks)
            for (int i = 0; i < mask.Length; i++)
                mask[i] = random.NextDouble() < p ? T.Zero : kept;
    }

    /// <summary>Stops dropping neurons: forward passes use the whole network again.</summary>
    public void ClearDropoutMasks()
    {
        _dropoutMasks = null;
        _keptActivations = null;
    }

    /// <summary>The dropout mask of hidden layer l + 1 (0 = dropped, 1/(1 − p) = kept), one column per example: for
    /// the examples of the last batch, or for every column of the capacity before the first batch. Only while
    /// <see cref="DropoutActive"/>.</summary>
    public ReadOnlySpan<T> DropoutMask(int l)
    {
        if (_dropoutMasks is null)
            throw new InvalidOperationException("No dropout masks are drawn: call DrawDropoutMasks first.");
        return _dropoutMasks[l].AsSpan(0, _sizes[l + 1] * (_count > 0 ? _count : Capacity));
    }

    /// <summary>
    /// The forward pass for <paramref name="m"/> examples (input columns in <paramref name="inputs"/>):
    /// aˡ⁺¹ = σ(Wˡ aˡ + bˡ) for every column at once (Nielsen eq. 25). Returns the output activations.
    /// </summary>
    public ReadOnlySpan<T> FeedForward(ReadOnlySpan<T> inputs, int m)
    {
        if (m <= 0 || m > Capacity)
            throw new ArgumentOutOfRangeException(nameof(m), $"Batch of {m} examples does not fit: capacity is {Capacity}.");
        if (inputs.Length != _sizes[0] * m)
            throw new ArgumentException($"Expected {m} input columns of {_sizes[0]} values ({_sizes[0] * m}), got {inputs.Length} values.", nameof(inputs));
        _count = m;
        inputs.CopyTo(_activations[0]);
        for (int l = 0; l < _zs.Length; l++)
        {
            int rows = _sizes[l + 1], inner = _sizes[l];
            var z = _zs[l].AsSpan(0, rows * m);
            K.WeightsTimesBatch<T>(Network.Weights(l), Activations(l), z, rows, inner, m);   // z = W a
            ReadOnlySpan<T> b = Network.Biases(l);
            for (int i = 0; i < m; i++)                                                     // z += b, column by column
                TensorPrimitives.Add(z.Slice(i * rows, rows), b, z.Slice(i * rows, rows));
            var a = _activations[l + 1].AsSpan(0, rows * m);
            Network.ActivationOf(l).Apply<T>(z, a, rows);                                   // a = σ(z)
            if (_dropoutMasks is not null && l < _zs.Length - 1)
            {
                a.CopyTo(_keptActivations![l]);
                TensorPrimitives.Multiply(a, _dropoutMasks[l].AsSpan(0, rows * m), a);       // a = mask ⊙ σ(z)
            }
        }
        return Activations(_sizes.Length - 1);
    }

    /// <summary>
    /// Backpropagation for a mini-batch: the gradient of C = Σₓ Cₓ, the summed cost of its examples, with
    /// respect to every weight and bias. <paramref name="targets"/> holds the desired output columns y.
    /// </summary>
    public Gradients<T> Backpropagate(ReadOnlySpan<T> inputs, ReadOnlySpan<T> targets, int m, Cost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        FeedForward(inputs, m);
        int last = _zs.Length - 1;
        int outputs = _sizes[^1];
        if (targets.Length != outputs * m)
            throw new ArgumentException($"Expected {m} desired-output columns of {outputs} values, got {targets.Length} values.", nameof(targets));

        // BP1: δᴸ = ∇ₐC ⊙ σ′(zᴸ), which the cost knows how to compute for its output layer.
        cost.OutputError(Network.OutputActivation, WeightedInputs(last), Activations(last + 1), targets,
            _deltas[last].AsSpan(0, outputs * m), outputs);

        for (int l = last; l >= 0; l--)
        {
            int rows = _sizes[l + 1], inner = _sizes[l];
            ReadOnlySpan<T> delta = Errors(l);

            // BP3: ∂C/∂b = δ, summed over the batch's columns.
            var nablaB = Gradients.Biases(l);
            nablaB.Clear();
            for (int i = 0; i < m; i++)
                TensorPrimitives.Add(nablaB, delta.Slice(i * rows, rows), nablaB);

            // BP4: ∂C/∂w_jk = a_k δ_j, summed over the batch: ∇W = δ aᵀ with a of the layer before.
            K.BatchTimesTransposedBatch<T>(delta, Activations(l), Gradients.Weights(l), rows, inner, m);

            // BP2: δˡ = ((Wˡ⁺¹)ᵀ δˡ⁺¹) ⊙ σ′(zˡ): carry the error one layer back (not needed into the input layer).
            if (l > 0)
            {
                var previous = _deltas[l - 1].AsSpan(0, inner * m);
                K.TransposedWeightsTimesBatch<T>(Network.Weights(l), delta, previous, rows, inner, m);
                if (_dropoutMasks is null)
                    Network.ActivationOf(l - 1).MultiplyByDerivative(WeightedInputs(l - 1), Activations(l), previous, inner);
                else
                {
                    // With dropout a = mask ⊙ σ(z), so ∂a/∂z = mask ⊙ σ′(z): σ′ from the activations before the mask,
                    // then the mask, which zeroes the error of every dropped neuron.
                    Network.ActivationOf(l - 1).MultiplyByDerivative(WeightedInputs(l - 1), _keptActivations![l - 1].AsSpan(0, inner * m), previous, inner);
                    TensorPrimitives.Multiply(previous, _dropoutMasks[l - 1].AsSpan(0, inner * m), previous);
                }
            }
        }
        return Gradients;
    }

    /// <summary><see cref="Backpropagate(ReadOnlySpan{T}, ReadOnlySpan{T}, int, Cost)"/> for a loaded mini-batch.</summary>
    public Gradients<T> Backpropagate(MiniBatch<T> batch, Cost cost) => Backpropagate(batch.Inputs, batch.Targets, batch.Count, cost);
}
