using NeuralNets.Exercises;

namespace NeuralNets.Tests.Exercises;

/// <summary>Notebook 05's "predict before you run it" check: the verdict comes from running the learner's descent.</summary>
public class PredictionCheckTests
{
    // A parabola C(b) = b²/2 from b = 1: each step multiplies the distance to the minimum by 1 − η.
    private static double[] Costs(double eta)
    {
        double b = 1;
        var costs = new List<double> { 0.5 };
        for (int t = 0; t < 20; t++)
        {
            b -= eta * b;
            costs.Add(b * b / 2);
        }
        return costs.ToArray();
    }

    [Fact]
    public void A_right_prediction_passes_whatever_its_case_and_spaces()
    {
        Assert.True(Check.LearningRatePrediction("e", "diverges", 2.5, Costs, "hint").Passed);
        Assert.True(Check.LearningRatePrediction("e", " Settles ", 1.5, Costs, "hint").Passed);
    }

    [Fact]
    public void A_wrong_prediction_fails_and_says_what_the_descent_did()
    {
        CheckAssert.Fails(Check.LearningRatePrediction("e", "settles", 2.5, Costs, "hint"), "it diverges");
        CheckAssert.Fails(Check.LearningRatePrediction("e", "diverges", 0.5, Costs, "hint"), "it settles");
    }

    [Fact]
    public void Other_words_no_answer_and_a_descent_that_throws_fail()
    {
        CheckAssert.Fails(Check.LearningRatePrediction("e", "explodes", 2.5, Costs, "hint"), "not one of the two answers");
        CheckAssert.Fails(Check.LearningRatePrediction("e", null, 2.5, Costs, "hint"), "not answered yet");
        CheckAssert.Fails(Check.LearningRatePrediction("e", "diverges", 2.5, _ => throw new InvalidOperationException("boom"), "hint"), "boom");
    }
}
