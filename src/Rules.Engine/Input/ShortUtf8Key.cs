using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Rules.Engine.Input;

/// <summary>
/// A name of 1 to 8 UTF-8 bytes as one integer, without copying: for a given length the integer
/// determines the bytes, so two names are equal exactly when their lengths and keys are.
/// (5 to 8 bytes: the first four and the last four, which overlap below 8.)
/// </summary>
internal static class ShortUtf8Key
{
    public const int MaxLength = 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Of(ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        >= 4 => BinaryPrimitives.ReadUInt32LittleEndian(bytes) | ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(bytes[^4..]) << 32),
        3 => bytes[0] | ((ulong)bytes[1] << 8) | ((ulong)bytes[2] << 16),
        2 => bytes[0] | ((ulong)bytes[1] << 8),
        1 => bytes[0],
        _ => 0,
    };
}
