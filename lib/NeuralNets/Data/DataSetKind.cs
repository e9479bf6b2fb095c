namespace NeuralNets.Data;

/// <summary>The data sets the library can load. Both share the MNIST format: four IDX files of 28 × 28
/// greyscale images with labels 0–9, 60,000 for training and 10,000 for testing.</summary>
public enum DataSetKind
{
    /// <summary>Handwritten digits 0–9 (LeCun, Cortes and Burges): the data set of Nielsen's book.</summary>
    Mnist,

    /// <summary>Zalando's photos of clothes, shoes and bags in 10 classes: a harder drop-in replacement for MNIST.</summary>
    FashionMnist,
}
