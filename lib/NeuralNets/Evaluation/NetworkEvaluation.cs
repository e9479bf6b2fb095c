using System.Numerics;
using NeuralNets.Costs;
using NeuralNets.Data;
using NeuralNets.Networks;

namespace NeuralNets.Evaluation;

/// <summary>One-line measurements for notebooks: <c>network.Accuracy(test)</c> and friends.</summary>
public static class NetworkEvaluation
{
    /// <summary>The fraction of <paramref name="data"/> the network classifies right.</summary>
    public static double Accuracy<T>(this Network<T> network, ImageSet data) where T : unmanaged, IFloatingPointIeee754<T>
        => new Evaluator<T>(network).Accuracy(data);

    /// <summary>How many images of <paramref name="data"/> the network classifies right.</summary>
    public static int CountCorrect<T>(this Network<T> network, ImageSet data) where T : unmanaged, IFloatingPointIeee754<T>
        => new Evaluator<T>(network).CountCorrect(data);

    /// <summary>The average cost over <paramref name="data"/> (with the L2 term when λ is not zero).</summary>
    public static double TotalCost<T>(this Network<T> network, ImageSet data, Cost cost, double lambda = 0)
        where T : unmanaged, IFloatingPointIeee754<T>
        => new Evaluator<T>(network).Cost(data, cost, lambda);

    /// <summary>The confusion matrix over <paramref name="data"/>.</summary>
    public static ConfusionMatrix ConfusionMatrix<T>(this Network<T> network, ImageSet data) where T : unmanaged, IFloatingPointIeee754<T>
        => new Evaluator<T>(network).ConfusionMatrix(data);

    /// <summary>Every image's label, prediction and output activations.</summary>
    public static Prediction[] Predictions<T>(this Network<T> network, ImageSet data) where T : unmanaged, IFloatingPointIeee754<T>
        => new Evaluator<T>(network).Predictions(data);
}
