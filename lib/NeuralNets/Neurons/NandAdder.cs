namespace NeuralNets.Neurons;

/// <summary>
/// Adding numbers with nothing but NAND perceptrons (Nielsen ch. 1): NAND is universal, so perceptrons can
/// compute any logical function, an adder included.
/// </summary>
public static class NandAdder
{
    private static int Nand(int x1, int x2) => Perceptron.Nand.Output(x1, x2);

    /// <summary>
    /// Adds two bits with Nielsen's circuit of five NAND perceptrons: sum = x1 ⊕ x2, carry = x1 ∧ x2.
    /// </summary>
    public static (int Sum, int Carry) AddBits(int x1, int x2)
    {
        CheckBit(x1, nameof(x1));
        CheckBit(x2, nameof(x2));
        int n1 = Nand(x1, x2);          // the first perceptron, whose output feeds three others
        int n2 = Nand(x1, n1);
        int n3 = Nand(x2, n1);
        int sum = Nand(n2, n3);         // x1 XOR x2
        int carry = Nand(n1, n1);       // NOT n1 = x1 AND x2 (Nielsen draws this as one weight of −4)
        return (sum, carry);
    }

    /// <summary>A full adder (two bits and a carry in), from two bit adders and one more NAND for the carries' OR.</summary>
    public static (int Sum, int Carry) AddBits(int x1, int x2, int carryIn)
    {
        var (partial, carry1) = AddBits(x1, x2);
        var (sum, carry2) = AddBits(partial, carryIn);
        int carry = Nand(Nand(carry1, carry1), Nand(carry2, carry2));   // carry1 OR carry2
        return (sum, carry);
    }

    /// <summary>Adds two numbers of <paramref name="bits"/> bits each, bit by bit, as a ripple-carry adder does.</summary>
    public static int Add(int a, int b, int bits)
    {
        if (bits is < 1 or > 30)
            throw new ArgumentOutOfRangeException(nameof(bits), $"Use 1 to 30 bits, got {bits}.");
        if (a < 0 || b < 0 || a >= 1 << bits || b >= 1 << bits)
            throw new ArgumentOutOfRangeException(nameof(a), $"{a} and {b} must both fit in {bits} unsigned bits.");
        int result = 0, carry = 0;
        for (int i = 0; i < bits; i++)
        {
            (int sum, carry) = AddBits((a >> i) & 1, (b >> i) & 1, carry);
            result |= sum << i;
        }
        return result | carry << bits;
    }

    private static void CheckBit(int x, string name)
    {
        if (x is not (0 or 1))
            throw new ArgumentOutOfRangeException(name, $"A bit is 0 or 1, got {x}.");
    }
}
