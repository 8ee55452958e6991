using System.Buffers.Binary;

namespace Switchyard.ColdStartBench;

/// <summary>
/// The binary search table of <c>.eh_frame_hdr</c>: for each function, its start address and where its unwind entry
/// (FDE) is in <c>.eh_frame</c>, both as addresses.
/// </summary>
internal static class UnwindIndex
{
    // Pointer encodings (DWARF DW_EH_PE_*) the linker writes for the header and its table.
    private const byte PcRelativeSigned4 = 0x1b;
    private const byte Unsigned4 = 0x03;
    private const byte DataRelativeSigned4 = 0x3b;

    public static List<(long Function, long Entry)> Read(string file)
    {
        var header = ElfSection.Read(file, ".eh_frame_hdr");
        var bytes = new byte[header.Size];
        using (var stream = File.OpenRead(file))
        {
            stream.Position = header.Offset;
            stream.ReadExactly(bytes);
        }

        if (bytes[0] != 1 || bytes[1] != PcRelativeSigned4 || bytes[2] != Unsigned4 || bytes[3] != DataRelativeSigned4)
        {
            throw new InvalidOperationException($"{file}: .eh_frame_hdr has a layout this reader does not know ({bytes[0]}, {bytes[1]:x2}, {bytes[2]:x2}, {bytes[3]:x2})");
        }

        var count = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        var entries = new List<(long Function, long Entry)>((int)count);
        for (var i = 0; i < count; i++)
        {
            var row = bytes.AsSpan(12 + (i * 8));
            entries.Add((header.Address + BinaryPrimitives.ReadInt32LittleEndian(row), header.Address + BinaryPrimitives.ReadInt32LittleEndian(row[4..])));
        }

        return entries;
    }
}
