using MathNet.Numerics.LinearAlgebra;
using NeuralNets.Exercises;

namespace NeuralNets.Tests.Exercises;

/// <summary>Notebook 06's BP1 exercise: the learner's δᴸ = ∇ₐC ⊙ σ′(zᴸ) against finite differences through the output
/// biases, for costs the notebook never shows.</summary>
public class OutputErrorBP1CheckTests
{
    private static Vector<double> SigmaPrime(Vector<double> z) => z.Map(v => Math.Exp(-v) / ((1 + Math.Exp(-v)) * (1 + Math.Exp(-v))));

    [Fact]
    public void BP1_passes()
    {
        var result = Check.OutputErrorBP1("e", (gradA, zL) => gradA.PointwiseMultiply(SigmaPrime(zL)));
        Assert.True(result.Passed, result.ToString());
    }

    [Fact]
    public void Leaving_out_either_factor_fails_and_says_which()
    {
        CheckAssert.Fails(Check.OutputErrorBP1("e", (gradA, zL) => gradA), "Your δᴸ equals ∇ₐC");
        CheckAssert.Fails(Check.OutputErrorBP1("e", (gradA, zL) => SigmaPrime(zL)), "Your δᴸ equals σ′(zᴸ)");
    }

    [Fact]
    public void An_answer_that_ignores_its_inputs_or_throws_or_has_the_wrong_length_fails()
    {
        CheckAssert.Fails(Check.OutputErrorBP1("e", (gradA, zL) => Vector<double>.Build.Dense(gradA.Count, 0.1)), "finite differences give");
        CheckAssert.Fails(Check.OutputErrorBP1("e", (gradA, zL) => throw new InvalidOperationException("boom")), "boom");
        CheckAssert.Fails(Check.OutputErrorBP1("e", (gradA, zL) => gradA.SubVector(0, 1)), "numbers for an output layer of");
        CheckAssert.Fails(Check.OutputErrorBP1("e", null), "not answered yet");
    }
}
