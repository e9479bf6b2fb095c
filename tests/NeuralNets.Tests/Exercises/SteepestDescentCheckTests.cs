using NeuralNets.Exercises;

namespace NeuralNets.Tests.Exercises;

/// <summary>Notebook 05's steepest-descent exercise: the right move passes; wrong, gamed and broken answers fail with the reason.</summary>
public class SteepestDescentCheckTests
{
    private static void AssertFails(CheckResult result, string because)
    {
        Assert.False(result.Passed);
        Assert.StartsWith(CheckResult.FailMarker, result.ToString());
        Assert.Contains(because, result.Message);
        Assert.Contains("Hint: for a move of length ε", result.Message);
    }

    private static double Norm(double[] v) => Math.Sqrt(v.Sum(x => x * x));

    [Fact]
    public void Minus_the_gradient_scaled_to_length_epsilon_passes()
    {
        var result = Check.SteepestMove("Exercise 4", (grad, eps) => grad.Select(g => -eps * g / Norm(grad)).ToArray());
        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void Minus_the_gradient_unscaled_fails_on_its_length()
    {
        // −ε∇C points the right way but is not of length ε: it lowers C more only because it is longer.
        AssertFails(Check.SteepestMove("Exercise 4", (grad, eps) => grad.Select(g => -eps * g).ToArray()), "not ε");
    }

    [Fact]
    public void Plus_the_gradient_fails_at_the_cauchy_schwarz_bound()
    {
        AssertFails(Check.SteepestMove("Exercise 4", (grad, eps) => grad.Select(g => eps * g / Norm(grad)).ToArray()), "the least possible is −ε‖∇C‖");
    }

    [Fact]
    public void A_fixed_answer_or_one_that_ignores_its_input_fails()
    {
        // The notebook's own gradient at (−4, 2.5) is (−8, 15): a typed move for that one point fails on others.
        AssertFails(Check.SteepestMove("Exercise 4", (grad, eps) => new[] { 8 / 17.0 * eps, -15 / 17.0 * eps }), "the least possible");
        AssertFails(Check.SteepestMove("Exercise 4", (grad, eps) => new double[grad.Length]), "not ε");
    }

    [Fact]
    public void A_move_that_changes_the_gradient_or_throws_fails_and_null_is_not_answered()
    {
        AssertFails(Check.SteepestMove("Exercise 4", (grad, eps) =>
        {
            double n = Norm(grad);
            for (int i = 0; i < grad.Length; i++) grad[i] = -eps * grad[i] / n;
            return grad;
        }), "changed the gradient");
        AssertFails(Check.SteepestMove("Exercise 4", (grad, eps) => throw new InvalidOperationException("boom")), "boom");
        AssertFails(Check.SteepestMove("Exercise 4", null), "not answered yet");
    }
}
