using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace NeuralNets.Kernels;

/// <summary>
/// The few vector operations the fast kernels need, for one vector width. A vector holds
/// <see cref="Count"/> numbers (16 floats or 8 doubles in 512 bits) and one instruction works on all of them.
/// </summary>
/// <remarks>
/// Each kernel in <see cref="SimdKernels"/> is written once against this interface and instantiated with
/// <see cref="Simd512{T}"/>, <see cref="Simd256{T}"/> or <see cref="Simd128{T}"/>. These are structs, so the JIT
/// compiles a separate copy of the kernel for each width and each T, inlines every operation below and folds
/// the <c>typeof(T)</c> tests away: the machine code is what hand-written <c>Vector512&lt;float&gt;</c> code
/// would give.
/// </remarks>
internal interface ISimd<TVector, T>
    where TVector : struct
    where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>How many numbers one vector holds.</summary>
    static abstract int Count { get; }

    /// <summary>A vector of zeros.</summary>
    static abstract TVector Zero { get; }

    /// <summary>A mask that keeps every lane.</summary>
    static abstract TVector KeepAll { get; }

    /// <summary>A mask that keeps the first <paramref name="count"/> lanes and clears the rest.</summary>
    static abstract TVector KeepFirst(int count);

    /// <summary>Reads <see cref="Count"/> numbers starting <paramref name="offset"/> elements after <paramref name="start"/>.
    /// No bounds check: the kernels' loops guarantee the numbers exist.</summary>
    static abstract TVector Load(ref T start, int offset);

    /// <summary>Writes <see cref="Count"/> numbers starting <paramref name="offset"/> elements after <paramref name="start"/>.</summary>
    static abstract void Store(TVector value, ref T start, int offset);

    /// <summary>A vector with <paramref name="value"/> in every lane.</summary>
    static abstract TVector Broadcast(T value);

    /// <summary>a·b + c in every lane, with one rounding where the hardware has fused multiply-add (FMA).</summary>
    static abstract TVector MultiplyAdd(TVector a, TVector b, TVector c);

    /// <summary>The lanes of <paramref name="value"/> where <paramref name="mask"/> is set, zero elsewhere.</summary>
    static abstract TVector And(TVector value, TVector mask);

    /// <summary>The sum of the lanes (always added in the same order, so the result is reproducible).</summary>
    static abstract T Sum(TVector value);
}

/// <summary>512-bit vectors (AVX-512): 16 floats or 8 doubles.</summary>
internal readonly struct Simd512<T> : ISimd<Vector512<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector512<T>.Count;
    public static Vector512<T> Zero => Vector512<T>.Zero;
    public static Vector512<T> KeepAll => Vector512<T>.AllBitsSet;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> KeepFirst(int count) =>
        Vector512.LessThan(Vector512<T>.Indices, Vector512.Create(T.CreateTruncating(count)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(ref T start, int offset) => Vector512.LoadUnsafe(ref start, (nuint)(uint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<T> value, ref T start, int offset) => value.StoreUnsafe(ref start, (nuint)(uint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Broadcast(T value) => Vector512.Create(value);

    // AVX-512 always includes FMA. The typeof tests are constants for the JIT: only one line survives per T.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> MultiplyAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float))
            return Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        if (typeof(T) == typeof(double))
            return Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        return a * b + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> And(Vector512<T> value, Vector512<T> mask) => value & mask;

    // Halve the vector twice (512 → 256 → 128 bits), then add the last four lanes: 8 instructions, where
    // Vector512.Sum reduces each 128-bit quarter separately (about 25).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector512<T> value)
    {
        Vector256<T> half = value.GetLower() + value.GetUpper();
        return Vector128.Sum(half.GetLower() + half.GetUpper());
    }
}

/// <summary>256-bit vectors (AVX2): 8 floats or 4 doubles.</summary>
internal readonly struct Simd256<T> : ISimd<Vector256<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector256<T>.Count;
    public static Vector256<T> Zero => Vector256<T>.Zero;
    public static Vector256<T> KeepAll => Vector256<T>.AllBitsSet;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> KeepFirst(int count) =>
        Vector256.LessThan(Vector256<T>.Indices, Vector256.Create(T.CreateTruncating(count)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load(ref T start, int offset) => Vector256.LoadUnsafe(ref start, (nuint)(uint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector256<T> value, ref T start, int offset) => value.StoreUnsafe(ref start, (nuint)(uint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Broadcast(T value) => Vector256.Create(value);

    // A few AVX2 processors lack FMA; there Vector256.FusedMultiplyAdd would be emulated slowly, so multiply then add.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> MultiplyAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (Fma.IsSupported && typeof(T) == typeof(float))
            return Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        if (Fma.IsSupported && typeof(T) == typeof(double))
            return Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        return a * b + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> And(Vector256<T> value, Vector256<T> mask) => value & mask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector256<T> value) => Vector128.Sum(value.GetLower() + value.GetUpper());
}

/// <summary>128-bit vectors (SSE, or NEON on ARM64 such as Apple silicon): 4 floats or 2 doubles.</summary>
internal readonly struct Simd128<T> : ISimd<Vector128<T>, T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    public static int Count => Vector128<T>.Count;
    public static Vector128<T> Zero => Vector128<T>.Zero;
    public static Vector128<T> KeepAll => Vector128<T>.AllBitsSet;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> KeepFirst(int count) =>
        Vector128.LessThan(Vector128<T>.Indices, Vector128.Create(T.CreateTruncating(count)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load(ref T start, int offset) => Vector128.LoadUnsafe(ref start, (nuint)(uint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector128<T> value, ref T start, int offset) => value.StoreUnsafe(ref start, (nuint)(uint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Broadcast(T value) => Vector128.Create(value);

    // ARM64 (NEON) always has FMA; x64 has it with the FMA extension.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> MultiplyAdd(Vector128<T> a, Vector128<T> b, Vector128<T> c)
    {
        bool fused = Fma.IsSupported || AdvSimd.Arm64.IsSupported;
        if (fused && typeof(T) == typeof(float))
            return Vector128.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        if (fused && typeof(T) == typeof(double))
            return Vector128.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        return a * b + c;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> And(Vector128<T> value, Vector128<T> mask) => value & mask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Sum(Vector128<T> value) => Vector128.Sum(value);
}
