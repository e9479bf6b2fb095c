namespace NeuralNets.Notebooks.Grading;

/// <summary>The teacher's side cannot be graded (a check cell the grader cannot capture, no notebooks to grade).
/// A learner's bad submission is never this: it gets a row with a note instead.</summary>
public sealed class GradingException(string message) : Exception(message);
