using NeuralNets.Exercises;

namespace NeuralNets.Tests.Exercises;

/// <summary>Notebook 10's checks: right answers pass, wrong ones fail with the hint, gamed ones fail.</summary>
public class UniversalityChecksTests
{
    [Fact]
    public void Step_neuron()
    {
        Assert.True(Check.StepNeuron("e", s => (1000, -1000 * s)).Passed);
        CheckAssert.Fails(Check.StepNeuron("e", s => (1000, 1000 * s)), "your step is centred at x = −b/w");      // the sign of b
        CheckAssert.Fails(Check.StepNeuron("e", s => (50, -50 * s)), "at s − 0.01");                               // too gentle
        CheckAssert.Fails(Check.StepNeuron("e", s => (0, 0)), "w = 0 gives no step");
        CheckAssert.Fails(Check.StepNeuron("e", null), "not answered yet");
    }

    [Fact]
    public void Bump_neurons()
    {
        const double w = 2000;
        Assert.True(Check.BumpNeurons("e", (s, e, h) => (new[] { w, w }, new[] { -w * s, -w * e }, new[] { h, -h })).Passed);
        CheckAssert.Fails(Check.BumpNeurons("e", (s, e, h) => (new[] { w, w }, new[] { -w * s, -w * e }, new[] { h, h })), "where it should be about 0");
        CheckAssert.Fails(Check.BumpNeurons("e", (s, e, h) => (new[] { w }, new[] { -w * s }, new[] { h })), "two neurons make one bump");
        CheckAssert.Fails(Check.BumpNeurons("e", (s, e, h) => (new[] { 0.0, 0 }, new[] { 0.0, 0 }, new[] { 2 * h, 0 })), "your neurons give");   // a constant
        CheckAssert.Fails(Check.BumpNeurons("e", null), "not answered yet");
    }
}
