using System.Numerics;
using System.Numerics.Tensors;
using MathNet.Numerics.LinearAlgebra;
using NeuralNets.Networks;

namespace NeuralNets.Training;

/// <summary>
/// ∇C: the partial derivatives ∂C/∂w and ∂C/∂b for every weight and bias of a network, shaped like the
/// network's own <see cref="Network{T}.Weights"/> and <see cref="Network{T}.Biases"/>
/// (Nielsen's <c>nabla_w</c> and <c>nabla_b</c>). C is the sum of the costs of a mini-batch's examples,
/// as in Nielsen's code, so the SGD step divides by the batch size.
/// </summary>
public sealed class Gradients<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly int[] _sizes;
    private readonly T[][] _nablaW;
    private readonly T[][] _nablaB;

    /// <summary>Zero gradients shaped like <paramref name="network"/>.</summary>
    public Gradients(Network<T> network)
    {
        _sizes = network.Sizes.ToArray();
        _nablaW = new T[_sizes.Length - 1][];
        _nablaB = new T[_sizes.Length - 1][];
        for (int l = 0; l < _nablaW.Length; l++)
        {
            _nablaW[l] = new T[_sizes[l + 1] * _sizes[l]];
            _nablaB[l] = new T[_sizes[l + 1]];
        }
    }

    /// <summary>How many weight layers there are (one fewer than the network's layers).</summary>
    public int WeightLayerCount => _nablaW.Length;

    /// <summary>∂C/∂w for the weights into layer l + 1, row-major like <see cref="Network{T}.Weights"/>.</summary>
    public Span<T> Weights(int l) => _nablaW[l];

    /// <summary>∂C/∂b for the biases of layer l + 1.</summary>
    public Span<T> Biases(int l) => _nablaB[l];

    /// <summary>A copy of ∂C/∂w for layer l + 1 as a MathNet matrix (row j: the weights into neuron j).</summary>
    public Matrix<T> WeightMatrix(int l)
    {
        int columns = _sizes[l];
        var nabla = _nablaW[l];
        return Matrix<T>.Build.Dense(_sizes[l + 1], columns, (j, k) => nabla[j * columns + k]);
    }

    /// <summary>A copy of ∂C/∂b for layer l + 1 as a MathNet vector.</summary>
    public MathNet.Numerics.LinearAlgebra.Vector<T> BiasVector(int l) => MathNet.Numerics.LinearAlgebra.Vector<T>.Build.Dense(_nablaB[l].ToArray());

    /// <summary>The Euclidean length of the bias gradient of layer l + 1: how fast that layer's neurons learn
    /// (Nielsen ch. 5 uses it to show the vanishing gradient).</summary>
    public double BiasGradientNorm(int l) => double.CreateTruncating(TensorPrimitives.Norm<T>(_nablaB[l]));

    /// <summary>The Euclidean length of the weight gradient of layer l + 1.</summary>
    public double WeightGradientNorm(int l) => double.CreateTruncating(TensorPrimitives.Norm<T>(_nablaW[l]));

    /// <summary>Every partial derivative in one array, weights then biases layer by layer (the order
    /// <see cref="GradientChecking.GradientCheck"/> uses).</summary>
    public T[] Flatten()
    {
        var all = new List<T>();
        for (int l = 0; l < _nablaW.Length; l++)
        {
            all.AddRange(_nablaW[l]);
            all.AddRange(_nablaB[l]);
        }
        return all.ToArray();
    }
}
