using NeuralNets.Exercises;

namespace NeuralNets.Tests.Exercises;

/// <summary>Notebook 00's checks: a right answer passes, a wrong one fails with the hint, a gamed one fails.</summary>
public class CSharpChecksTests
{
    [Fact]
    public void Weighted_sum()
    {
        Assert.True(Check.WeightedSumFunction("e", (w, x, b) => w.Zip(x, (p, q) => p * q).Sum() + b).Passed);
        CheckAssert.Fails(Check.WeightedSumFunction("e", (w, x, b) => w.Zip(x, (p, q) => p * q).Sum()), "leaves out the bias");
        CheckAssert.Fails(Check.WeightedSumFunction("e", (w, x, b) => 5.5), "but w·x + b");
        CheckAssert.Fails(Check.WeightedSumFunction("e", (w, x, b) => w[3]), "threw IndexOutOfRangeException");
        CheckAssert.Fails(Check.WeightedSumFunction("e", null), "not answered yet");
    }

    [Fact]
    public void Counts_per_digit()
    {
        Assert.True(Check.CountsPerDigit("e", labels => Enumerable.Range(0, 10).Select(d => labels.Count(l => l == d)).ToArray()).Passed);
        // Grouping forgets the digits that never occur.
        CheckAssert.Fails(Check.CountsPerDigit("e", labels => labels.GroupBy(l => l).OrderBy(g => g.Key).Select(g => g.Count()).ToArray()), "should return 10");
        CheckAssert.Fails(Check.CountsPerDigit("e", labels => new[] { 0, 2, 1, 2, 1, 3, 1, 0, 0, 1 }), "but the counts are");
        CheckAssert.Fails(Check.CountsPerDigit("e", null), "not answered yet");
    }

    [Fact]
    public void Arg_max()
    {
        Assert.True(Check.ArgMaxFunction("e", outputs =>
        {
            int best = 0;
            for (int j = 1; j < outputs.Length; j++)
                if (outputs[j] > outputs[best])
                    best = j;
            return (best, outputs[best]);
        }).Passed);
        // Starting the best value at 0 fails on all-negative outputs; the last of a tie is not the first.
        CheckAssert.Fails(Check.ArgMaxFunction("e", outputs =>
        {
            int best = 0; double value = 0;
            for (int j = 0; j < outputs.Length; j++)
                if (outputs[j] > value)
                    (best, value) = (j, outputs[j]);
            return (best, value);
        }), "[-3, -1, -2]");
        CheckAssert.Fails(Check.ArgMaxFunction("e", outputs => (Array.LastIndexOf(outputs, outputs.Max()), outputs.Max())), "[0.4, 0.9, 0.9, 0.1]");
        CheckAssert.Fails(Check.ArgMaxFunction("e", outputs => (1, 0.7)), "but the largest is");
        CheckAssert.Fails(Check.ArgMaxFunction("e", null), "not answered yet");
    }
}
