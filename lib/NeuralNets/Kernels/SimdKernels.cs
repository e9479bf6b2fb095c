using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace NeuralNets.Kernels;

/// <summary>The three products of <see cref="PlainKernels"/>, made fast: the same sums on the same storage.</summary>
/// <remarks>
/// Four things are added to the plain loops:
/// <list type="number">
/// <item><b>Vectors (SIMD).</b> One instruction multiplies and adds 16 floats (8 doubles) at once, with one rounding
/// (fused multiply-add). The loops run along memory that is contiguous, so each vector is one load.</item>
/// <item><b>Register blocking.</b> A plain loop loads two numbers per multiply-add; memory, not arithmetic, sets its
/// speed. Here each kernel computes a small block of outputs together (5 × 2, or 4 × 5 where there are 32 vector
/// registers), keeping the running sums in registers, so that every number loaded is used several times.</item>
/// <item><b>Cache-friendly order.</b> Blocks are visited so that what they share stays in the L1 cache, and no
/// loop strides 4 KB at a time through memory (see <see cref="WeightedRowSums{T, TVector, TSimd}"/>).</item>
/// <item><b>Ragged edges by overlap.</b> When a size is not a multiple of the block, the last block is moved back
/// so that it ends exactly at the edge; it recomputes a few outputs the block before already wrote, with the same
/// operations in the same order, hence the same values. No scalar clean-up loops.</item>
/// </list>
/// The kernels are marked <see cref="MethodImplOptions.AggressiveOptimization"/>: the JIT compiles them optimised at
/// once instead of first running them as quick unoptimised code (where every vector helper below is a call),
/// which would slow the first seconds of training several-fold.
/// No memory is allocated and everything runs on the calling thread, so a result depends only on the inputs (and
/// on the machine's vector width): the same seed gives the same weights. Each output is always summed in the same
/// order whatever its position in a block.
/// </remarks>
internal static class SimdKernels
{
    /// <summary>True when the fast kernels apply: T is float or double and the processor has vector instructions.</summary>
    public static bool IsSupported<T>() =>
        (typeof(T) == typeof(float) || typeof(T) == typeof(double)) && Vector128.IsHardwareAccelerated;

    // ---- The widest vectors the processor has (the JIT treats IsHardwareAccelerated as a constant), except for
    // rows shorter than two 512-bit vectors (30 floats in chapter 1's output layer): there 256-bit vectors let
    // the blocked kernels run instead of the one-vector-at-a-time fallback.

    public static void WeightsTimesBatch<T>(ReadOnlySpan<T> w, ReadOnlySpan<T> a, Span<T> z, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Vector512.IsHardwareAccelerated && inner >= 2 * Vector512<T>.Count)
            WeightsTimesBatch<T, Vector512<T>, Simd512<T>>(w, a, z, rows, inner, batch);
        else if (Vector256.IsHardwareAccelerated)
            WeightsTimesBatch<T, Vector256<T>, Simd256<T>>(w, a, z, rows, inner, batch);
        else
            WeightsTimesBatch<T, Vector128<T>, Simd128<T>>(w, a, z, rows, inner, batch);
    }

    public static void TransposedWeightsTimesBatch<T>(ReadOnlySpan<T> w, ReadOnlySpan<T> d, Span<T> result, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Vector512.IsHardwareAccelerated && inner >= 2 * Vector512<T>.Count)
            TransposedWeightsTimesBatch<T, Vector512<T>, Simd512<T>>(w, d, result, rows, inner, batch);
        else if (Vector256.IsHardwareAccelerated)
            TransposedWeightsTimesBatch<T, Vector256<T>, Simd256<T>>(w, d, result, rows, inner, batch);
        else
            TransposedWeightsTimesBatch<T, Vector128<T>, Simd128<T>>(w, d, result, rows, inner, batch);
    }

    public static void BatchTimesTransposedBatch<T>(ReadOnlySpan<T> d, ReadOnlySpan<T> a, Span<T> g, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Vector512.IsHardwareAccelerated && inner >= 2 * Vector512<T>.Count)
            BatchTimesTransposedBatch<T, Vector512<T>, Simd512<T>>(d, a, g, rows, inner, batch);
        else if (Vector256.IsHardwareAccelerated)
            BatchTimesTransposedBatch<T, Vector256<T>, Simd256<T>>(d, a, g, rows, inner, batch);
        else
            BatchTimesTransposedBatch<T, Vector128<T>, Simd128<T>>(d, a, g, rows, inner, batch);
    }

    // =====================================================================================================
    // Z = W·A. Output (j, i) is the dot product of row j of W with column i of A; both are contiguous, of
    // length `inner`, so the vectors run along `inner`.
    // =====================================================================================================

    // A block of 5 rows of W × 2 examples of A: per step, 7 vector loads feed 10 multiply-adds into 10
    // independent sums. Ten independent sums also hide the multiply-add's latency (4 cycles, 2 per cycle);
    // 5 × 2 needs only ~13 of the 16 registers AVX2 has. Five and two divide the course's sizes (30, 100, 10).
    private const int DotRows = 5;
    private const int DotExamples = 2;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void WeightsTimesBatch<T, TVector, TSimd>(ReadOnlySpan<T> w, ReadOnlySpan<T> a, Span<T> z, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        if (inner < TSimd.Count)
        {
            PlainKernels.WeightsTimesBatch(w, a, z, rows, inner, batch);
            return;
        }
        ref T w0 = ref MemoryMarshal.GetReference(w);
        ref T a0 = ref MemoryMarshal.GetReference(a);
        ref T z0 = ref MemoryMarshal.GetReference(z);

        // `inner` is rarely a multiple of the vector length (30 = 14 + 16). The first step takes only the first
        // `first` lanes (the activations of the others are masked to zero, so those products are 0, unless a weight
        // is infinite or NaN and the sum is lost anyway); every later step is a whole vector, and the last ends
        // exactly at `inner`. Nothing past the end of a row is ever read.
        int first = (inner - 1) % TSimd.Count + 1;
        TVector firstMask = TSimd.KeepFirst(first);

        // Rows outside, examples inside: the block's rows of W (4 or 5 × 784 floats, about 15 KB) stay in the L1
        // cache while every example passes by.
        if (Vector512.IsHardwareAccelerated && rows >= 4 && batch >= 5)
        {
            // AVX-512 brings 32 vector registers (for every width): room for 4 rows × 5 examples, 20 sums, where
            // 9 loads feed 20 multiply-adds. Measured 20-35% faster than 5 × 2 on the course's float shapes.
            for (int j0 = 0; j0 < rows; j0 += 4)
            {
                int j = Math.Min(j0, rows - 4);
                for (int i0 = 0; i0 < batch; i0 += 5)
                {
                    int i = Math.Min(i0, batch - 5);
                    Dot4x5<T, TVector, TSimd>(
                        ref Unsafe.Add(ref w0, j * inner), ref Unsafe.Add(ref a0, i * inner), ref Unsafe.Add(ref z0, i * rows + j),
                        rows, inner, first, firstMask);
                }
            }
        }
        else if (rows >= DotRows && batch >= DotExamples)
        {
            for (int j0 = 0; j0 < rows; j0 += DotRows)
            {
                int j = Math.Min(j0, rows - DotRows);
                for (int i0 = 0; i0 < batch; i0 += DotExamples)
                {
                    int i = Math.Min(i0, batch - DotExamples);
                    Dot5x2<T, TVector, TSimd>(
                        ref Unsafe.Add(ref w0, j * inner), ref Unsafe.Add(ref a0, i * inner), ref Unsafe.Add(ref z0, i * rows + j),
                        rows, inner, first, firstMask);
                }
            }
        }
        else
        {
            // Too small for a block (e.g. a batch of one example): one dot product at a time.
            for (int i = 0; i < batch; i++)
                for (int j = 0; j < rows; j++)
                    Unsafe.Add(ref z0, i * rows + j) = Dot<T, TVector, TSimd>(
                        ref Unsafe.Add(ref w0, j * inner), ref Unsafe.Add(ref a0, i * inner), inner, first, firstMask);
        }
    }

    /// <summary>The 10 dot products of rows w[0..5) (each <paramref name="inner"/> long, one after another) with
    /// columns a[0..2), written to z[0..5) and z[rows..rows+5).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dot5x2<T, TVector, TSimd>(ref T w, ref T a, ref T z, int rows, int inner, int first, TVector firstMask)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        ref T w1 = ref Unsafe.Add(ref w, inner);
        ref T w2 = ref Unsafe.Add(ref w1, inner);
        ref T w3 = ref Unsafe.Add(ref w2, inner);
        ref T w4 = ref Unsafe.Add(ref w3, inner);
        ref T a1 = ref Unsafe.Add(ref a, inner);
        TVector s00 = TSimd.Zero, s10 = TSimd.Zero, s20 = TSimd.Zero, s30 = TSimd.Zero, s40 = TSimd.Zero;
        TVector s01 = TSimd.Zero, s11 = TSimd.Zero, s21 = TSimd.Zero, s31 = TSimd.Zero, s41 = TSimd.Zero;

        TVector keep = firstMask;
        for (int k = 0, step = first; k < inner; k += step, step = TSimd.Count, keep = TSimd.KeepAll)
        {
            TVector x0 = TSimd.And(TSimd.Load(ref a, k), keep);
            TVector x1 = TSimd.And(TSimd.Load(ref a1, k), keep);
            TVector v = TSimd.Load(ref w, k);
            s00 = TSimd.MultiplyAdd(v, x0, s00); s01 = TSimd.MultiplyAdd(v, x1, s01);
            v = TSimd.Load(ref w1, k);
            s10 = TSimd.MultiplyAdd(v, x0, s10); s11 = TSimd.MultiplyAdd(v, x1, s11);
            v = TSimd.Load(ref w2, k);
            s20 = TSimd.MultiplyAdd(v, x0, s20); s21 = TSimd.MultiplyAdd(v, x1, s21);
            v = TSimd.Load(ref w3, k);
            s30 = TSimd.MultiplyAdd(v, x0, s30); s31 = TSimd.MultiplyAdd(v, x1, s31);
            v = TSimd.Load(ref w4, k);
            s40 = TSimd.MultiplyAdd(v, x0, s40); s41 = TSimd.MultiplyAdd(v, x1, s41);
        }

        ref T z1 = ref Unsafe.Add(ref z, rows);
        z = TSimd.Sum(s00); Unsafe.Add(ref z, 1) = TSimd.Sum(s10); Unsafe.Add(ref z, 2) = TSimd.Sum(s20);
        Unsafe.Add(ref z, 3) = TSimd.Sum(s30); Unsafe.Add(ref z, 4) = TSimd.Sum(s40);
        z1 = TSimd.Sum(s01); Unsafe.Add(ref z1, 1) = TSimd.Sum(s11); Unsafe.Add(ref z1, 2) = TSimd.Sum(s21);
        Unsafe.Add(ref z1, 3) = TSimd.Sum(s31); Unsafe.Add(ref z1, 4) = TSimd.Sum(s41);
    }

    /// <summary>The 20 dot products of rows w[0..4) with columns a[0..5), written to z[0..4), z[rows..rows+4), …
    /// The same as <see cref="Dot5x2{T, TVector, TSimd}"/> with a bigger block, for processors with 32 vector registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Dot4x5<T, TVector, TSimd>(ref T w, ref T a, ref T z, int rows, int inner, int first, TVector firstMask)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        ref T w1 = ref Unsafe.Add(ref w, inner);
        ref T w2 = ref Unsafe.Add(ref w1, inner);
        ref T w3 = ref Unsafe.Add(ref w2, inner);
        ref T a1 = ref Unsafe.Add(ref a, inner);
        ref T a2 = ref Unsafe.Add(ref a1, inner);
        ref T a3 = ref Unsafe.Add(ref a2, inner);
        ref T a4 = ref Unsafe.Add(ref a3, inner);
        TVector s00 = TSimd.Zero, s01 = TSimd.Zero, s02 = TSimd.Zero, s03 = TSimd.Zero, s04 = TSimd.Zero;
        TVector s10 = TSimd.Zero, s11 = TSimd.Zero, s12 = TSimd.Zero, s13 = TSimd.Zero, s14 = TSimd.Zero;
        TVector s20 = TSimd.Zero, s21 = TSimd.Zero, s22 = TSimd.Zero, s23 = TSimd.Zero, s24 = TSimd.Zero;
        TVector s30 = TSimd.Zero, s31 = TSimd.Zero, s32 = TSimd.Zero, s33 = TSimd.Zero, s34 = TSimd.Zero;

        TVector keep = firstMask;
        for (int k = 0, step = first; k < inner; k += step, step = TSimd.Count, keep = TSimd.KeepAll)
        {
            TVector x0 = TSimd.And(TSimd.Load(ref a, k), keep);
            TVector x1 = TSimd.And(TSimd.Load(ref a1, k), keep);
            TVector x2 = TSimd.And(TSimd.Load(ref a2, k), keep);
            TVector x3 = TSimd.And(TSimd.Load(ref a3, k), keep);
            TVector x4 = TSimd.And(TSimd.Load(ref a4, k), keep);
            TVector v = TSimd.Load(ref w, k);
            s00 = TSimd.MultiplyAdd(v, x0, s00); s01 = TSimd.MultiplyAdd(v, x1, s01); s02 = TSimd.MultiplyAdd(v, x2, s02);
            s03 = TSimd.MultiplyAdd(v, x3, s03); s04 = TSimd.MultiplyAdd(v, x4, s04);
            v = TSimd.Load(ref w1, k);
            s10 = TSimd.MultiplyAdd(v, x0, s10); s11 = TSimd.MultiplyAdd(v, x1, s11); s12 = TSimd.MultiplyAdd(v, x2, s12);
            s13 = TSimd.MultiplyAdd(v, x3, s13); s14 = TSimd.MultiplyAdd(v, x4, s14);
            v = TSimd.Load(ref w2, k);
            s20 = TSimd.MultiplyAdd(v, x0, s20); s21 = TSimd.MultiplyAdd(v, x1, s21); s22 = TSimd.MultiplyAdd(v, x2, s22);
            s23 = TSimd.MultiplyAdd(v, x3, s23); s24 = TSimd.MultiplyAdd(v, x4, s24);
            v = TSimd.Load(ref w3, k);
            s30 = TSimd.MultiplyAdd(v, x0, s30); s31 = TSimd.MultiplyAdd(v, x1, s31); s32 = TSimd.MultiplyAdd(v, x2, s32);
            s33 = TSimd.MultiplyAdd(v, x3, s33); s34 = TSimd.MultiplyAdd(v, x4, s34);
        }

        StoreSums<T, TVector, TSimd>(ref z, s00, s10, s20, s30);
        StoreSums<T, TVector, TSimd>(ref Unsafe.Add(ref z, rows), s01, s11, s21, s31);
        StoreSums<T, TVector, TSimd>(ref Unsafe.Add(ref z, 2 * rows), s02, s12, s22, s32);
        StoreSums<T, TVector, TSimd>(ref Unsafe.Add(ref z, 3 * rows), s03, s13, s23, s33);
        StoreSums<T, TVector, TSimd>(ref Unsafe.Add(ref z, 4 * rows), s04, s14, s24, s34);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreSums<T, TVector, TSimd>(ref T z, TVector s0, TVector s1, TVector s2, TVector s3)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        z = TSimd.Sum(s0);
        Unsafe.Add(ref z, 1) = TSimd.Sum(s1);
        Unsafe.Add(ref z, 2) = TSimd.Sum(s2);
        Unsafe.Add(ref z, 3) = TSimd.Sum(s3);
    }

    /// <summary>One dot product, for matrices too small for a block. Each output gets the same operations in the same
    /// order as in the blocks, so it has the same value whichever kernel computed it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static T Dot<T, TVector, TSimd>(ref T x, ref T y, int length, int first, TVector firstMask)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        TVector sum = TSimd.Zero, keep = firstMask;
        for (int k = 0, step = first; k < length; k += step, step = TSimd.Count, keep = TSimd.KeepAll)
            sum = TSimd.MultiplyAdd(TSimd.Load(ref x, k), TSimd.And(TSimd.Load(ref y, k), keep), sum);
        return TSimd.Sum(sum);
    }

    // =====================================================================================================
    // The two other products have the same shape: each output row is a weighted sum of the rows of a
    // matrix X, with the weights taken from the errors D.
    //     Wᵀ·D : column i of the result = Σ_j D(j, i) · (row j of W)
    //     D·Aᵀ : row j of G             = Σ_i D(j, i) · (column i of A)
    // Rows of W, columns of A and the outputs are all contiguous, of length `inner`: the vectors run along
    // `inner`, every vector load is a whole vector and no sum has to be reduced across lanes at the end.
    // =====================================================================================================

    internal static void TransposedWeightsTimesBatch<T, TVector, TSimd>(ReadOnlySpan<T> w, ReadOnlySpan<T> d, Span<T> result, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        if (inner < TSimd.Count)
        {
            PlainKernels.TransposedWeightsTimesBatch(w, d, result, rows, inner, batch);
            return;
        }
        // Output p = example i, summed over q = neuron j; the weight of row j for example i is d[i·rows + j].
        WeightedRowSums<T, TVector, TSimd>(
            ref MemoryMarshal.GetReference(d), weightStrideP: rows, weightStrideQ: 1,
            ref MemoryMarshal.GetReference(w), ref MemoryMarshal.GetReference(result), outputs: batch, terms: rows, length: inner);
    }

    internal static void BatchTimesTransposedBatch<T, TVector, TSimd>(ReadOnlySpan<T> d, ReadOnlySpan<T> a, Span<T> g, int rows, int inner, int batch)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        if (inner < TSimd.Count)
        {
            PlainKernels.BatchTimesTransposedBatch(d, a, g, rows, inner, batch);
            return;
        }
        // Output p = neuron j, summed over q = example i; the weight of example i for neuron j is d[i·rows + j].
        WeightedRowSums<T, TVector, TSimd>(
            ref MemoryMarshal.GetReference(d), weightStrideP: 1, weightStrideQ: rows,
            ref MemoryMarshal.GetReference(a), ref MemoryMarshal.GetReference(g), outputs: rows, terms: batch, length: inner);
    }

    // A block of 5 output rows × 2 vectors: per term, 2 vector loads and 5 broadcast numbers feed 10 multiply-adds
    // into 10 independent sums (the same balance as the dot-product block).
    private const int SumRows = 5;
    private const int SumVectors = 2;

    // Up to this many bytes, x counts as small enough to stay in the L1 cache (32 KB or more on current processors).
    private const int SmallX = 32 * 1024;

    // The packed weights of a block live on the stack: at most 5 × 800 numbers (16 KB of floats, 32 KB of doubles).
    private const int MaxPackedTerms = 800;

    /// <summary>output[p, :] = Σ_q weight[p·weightStrideP + q·weightStrideQ] · x[q, :], for p &lt; outputs and
    /// q &lt; terms; rows of x and of output are <paramref name="length"/> long (≥ one vector) and contiguous.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WeightedRowSums<T, TVector, TSimd>(
        ref T weight, int weightStrideP, int weightStrideQ, ref T x, ref T output, int outputs, int terms, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        int width = SumVectors * TSimd.Count;
        if (outputs < SumRows || length < width)
        {
            // Too small for a block: one output vector at a time (the last one overlapping, as for blocks).
            for (int p = 0; p < outputs; p++)
                for (int k0 = 0; k0 < length; k0 += TSimd.Count)
                {
                    int k = Math.Min(k0, length - TSimd.Count);
                    ref T wp = ref Unsafe.Add(ref weight, p * weightStrideP);
                    TVector sum = TSimd.Zero;
                    for (int q = 0; q < terms; q++)
                        sum = TSimd.MultiplyAdd(TSimd.Broadcast(Unsafe.Add(ref wp, q * weightStrideQ)), TSimd.Load(ref x, q * length + k), sum);
                    TSimd.Store(sum, ref output, p * length + k);
                }
            return;
        }

        if ((long)terms * length * Unsafe.SizeOf<T>() <= SmallX || outputs <= 2 * SumRows || terms > MaxPackedTerms)
        {
            // x is small (e.g. ten 784-pixel examples of D·Aᵀ in chapters 1 and 3), or there are few output rows
            // (10 in D·Aᵀ of an output layer): columns outside, output rows inside, so the slab of x under the block
            // (terms × 2 vectors) is read from the L1 cache by every block of output rows.
            for (int k0 = 0; k0 < length; k0 += width)
            {
                int k = Math.Min(k0, length - width);
                for (int p0 = 0; p0 < outputs; p0 += SumRows)
                {
                    int p = Math.Min(p0, outputs - SumRows);
                    WeightedRowSums5x2<T, TVector, TSimd>(
                        ref Unsafe.Add(ref weight, p * weightStrideP), weightStrideP, weightStrideQ,
                        ref Unsafe.Add(ref x, k), ref Unsafe.Add(ref output, p * length + k), terms, length);
                }
            }
            return;
        }

        // x is large (e.g. D·Aᵀ of the wide layer: 100 examples of 784, or Wᵀ·D with rows of 1024): output rows
        // outside, so that each block writes its five rows from start to end and x streams past. The block's
        // weights are first copied next to each other: in D·Aᵀ they lie 1024 numbers (4 KB) apart, and numbers
        // 4 KB apart compete for the same few places in the L1 cache, so reading them in place stalls. (The
        // column-outside order fails here for the same reason: its stores land 4 KB apart.)
        Span<T> packed = stackalloc T[SumRows * terms];
        ref T packed0 = ref MemoryMarshal.GetReference(packed);
        for (int p0 = 0; p0 < outputs; p0 += SumRows)
        {
            int p = Math.Min(p0, outputs - SumRows);
            for (int q = 0; q < terms; q++)
                for (int r = 0; r < SumRows; r++)
                    Unsafe.Add(ref packed0, q * SumRows + r) = Unsafe.Add(ref weight, (p + r) * weightStrideP + q * weightStrideQ);
            for (int k0 = 0; k0 < length; k0 += width)
            {
                int k = Math.Min(k0, length - width);
                WeightedRowSums5x2<T, TVector, TSimd>(
                    ref packed0, 1, SumRows, ref Unsafe.Add(ref x, k), ref Unsafe.Add(ref output, p * length + k), terms, length);
            }
        }
    }

    /// <summary>Five output rows × two vectors of <see cref="WeightedRowSums{T, TVector, TSimd}"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void WeightedRowSums5x2<T, TVector, TSimd>(
        ref T weight, int weightStrideP, int weightStrideQ, ref T x, ref T output, int terms, int length)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TVector : struct
        where TSimd : ISimd<TVector, T>
    {
        int n = TSimd.Count;
        // Offsets as native integers, computed once: inside the loop every address is then one register plus another.
        nint p1 = weightStrideP, p2 = 2 * p1, p3 = 3 * p1, p4 = 4 * p1, nextTerm = weightStrideQ, nextRow = length;
        TVector s00 = TSimd.Zero, s10 = TSimd.Zero, s20 = TSimd.Zero, s30 = TSimd.Zero, s40 = TSimd.Zero;
        TVector s01 = TSimd.Zero, s11 = TSimd.Zero, s21 = TSimd.Zero, s31 = TSimd.Zero, s41 = TSimd.Zero;
        ref T xq = ref x;        // row q of x, from column k
        ref T wq = ref weight;   // weight of term q for the first output row of the block
        for (int q = 0; q < terms; q++)
        {
            TVector x0 = TSimd.Load(ref xq, 0), x1 = TSimd.Load(ref xq, n);
            TVector f = TSimd.Broadcast(wq);
            s00 = TSimd.MultiplyAdd(f, x0, s00); s01 = TSimd.MultiplyAdd(f, x1, s01);
            f = TSimd.Broadcast(Unsafe.Add(ref wq, p1));
            s10 = TSimd.MultiplyAdd(f, x0, s10); s11 = TSimd.MultiplyAdd(f, x1, s11);
            f = TSimd.Broadcast(Unsafe.Add(ref wq, p2));
            s20 = TSimd.MultiplyAdd(f, x0, s20); s21 = TSimd.MultiplyAdd(f, x1, s21);
            f = TSimd.Broadcast(Unsafe.Add(ref wq, p3));
            s30 = TSimd.MultiplyAdd(f, x0, s30); s31 = TSimd.MultiplyAdd(f, x1, s31);
            f = TSimd.Broadcast(Unsafe.Add(ref wq, p4));
            s40 = TSimd.MultiplyAdd(f, x0, s40); s41 = TSimd.MultiplyAdd(f, x1, s41);
            xq = ref Unsafe.Add(ref xq, nextRow);
            wq = ref Unsafe.Add(ref wq, nextTerm);
        }
        TSimd.Store(s00, ref output, 0); TSimd.Store(s01, ref output, n);
        ref T o = ref Unsafe.Add(ref output, length);
        TSimd.Store(s10, ref o, 0); TSimd.Store(s11, ref o, n);
        o = ref Unsafe.Add(ref o, length);
        TSimd.Store(s20, ref o, 0); TSimd.Store(s21, ref o, n);
        o = ref Unsafe.Add(ref o, length);
        TSimd.Store(s30, ref o, 0); TSimd.Store(s31, ref o, n);
        o = ref Unsafe.Add(ref o, length);
        TSimd.Store(s40, ref o, 0); TSimd.Store(s41, ref o, n);
    }
}
