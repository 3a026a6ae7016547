using System.Buffers.Binary;
using System.Text;
using Npgsql;

namespace Sispmpi.Bench.Storage;

/// <summary>
/// PostgreSQL's binary COPY format written straight into a buffer over Npgsql's raw COPY stream. Npgsql's
/// <see cref="NpgsqlBinaryImporter"/> binds a parameter for every value, which made the client the slower half of a
/// national-scale load (issue 17: about a microsecond per value, some 150 million values); the encodings here are
/// the types' binary send formats, for the column types <see cref="EntityTable{T}"/> maps.
/// </summary>
public sealed class CopyWriter : IDisposable
{
    private static readonly byte[] _signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly long _epochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly int _epochDay = new DateOnly(2000, 1, 1).DayNumber;
    private const uint TextOid = 25;

    private readonly NpgsqlRawCopyStream _stream;
    private readonly byte[] _buffer = new byte[1 << 18];
    private int _position;
    private bool _completed;

    public CopyWriter(NpgsqlConnection connection, string copyFromStdinBinary)
    {
        _stream = connection.BeginRawBinaryCopy(copyFromStdinBinary);
        _stream.WriteTimeout = (int)TimeSpan.FromMinutes(30).TotalMilliseconds;
        _signature.CopyTo(_buffer, 0);
        _position = _signature.Length;
        WriteRaw(0); // flags
        WriteRaw(0); // header extension length
    }

    public long Rows { get; private set; }

    public void StartRow(int fields)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_position), (short)fields);
        _position += 2;
        Rows++;
    }

    public void WriteNull() => WriteRaw(-1);

    public void Write(int value)
    {
        Ensure(8);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), 4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position + 4), value);
        _position += 8;
    }

    public void Write(long value)
    {
        Ensure(12);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), 8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_position + 4), value);
        _position += 12;
    }

    public void Write(short value)
    {
        Ensure(6);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), 2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_position + 4), value);
        _position += 6;
    }

    public void Write(bool value)
    {
        Ensure(5);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), 1);
        _buffer[_position + 4] = value ? (byte)1 : (byte)0;
        _position += 5;
    }

    public void Write(double value)
    {
        Ensure(12);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), 8);
        BinaryPrimitives.WriteDoubleBigEndian(_buffer.AsSpan(_position + 4), value);
        _position += 12;
    }

    /// <summary>timestamptz: microseconds since 2000-01-01 UTC.</summary>
    public void Write(DateTimeOffset value) => Write((value.UtcTicks - _epochTicks) / 10);

    /// <summary>date: days since 2000-01-01.</summary>
    public void Write(DateOnly value) => Write(value.DayNumber - _epochDay);

    public void Write(Guid value)
    {
        Ensure(20);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), 16);
        value.TryWriteBytes(_buffer.AsSpan(_position + 4), bigEndian: true, out _);
        _position += 20;
    }

    public void Write(byte[] value)
    {
        WriteRaw(value.Length);
        WriteBytes(value);
    }

    public void Write(string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (max + 4 > _buffer.Length)
        {
            Write(Encoding.UTF8.GetBytes(value));
            return;
        }
        Ensure(max + 4);
        var length = Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_position + 4));
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), length);
        _position += 4 + length;
    }

    /// <summary>A one-dimensional text[] (an empty list is an array of no dimension, as PostgreSQL sends '{}').</summary>
    public void Write(IReadOnlyList<string?> values)
    {
        var encoded = values.Select(v => v is null ? null : Encoding.UTF8.GetBytes(v)).ToList();
        var dimensions = encoded.Count == 0 ? 0 : 1;
        WriteRaw(12 + dimensions * 8 + encoded.Sum(e => 4 + (e?.Length ?? 0)));
        WriteRaw(dimensions);
        WriteRaw(encoded.Any(e => e is null) ? 1 : 0);
        WriteRaw(unchecked((int)TextOid));
        if (dimensions == 1)
        {
            WriteRaw(encoded.Count);
            WriteRaw(1);
        }
        foreach (var element in encoded)
        {
            if (element is null)
            {
                WriteRaw(-1);
            }
            else
            {
                WriteRaw(element.Length);
                WriteBytes(element);
            }
        }
    }

    /// <summary>
    /// numeric: base-10000 digits, most significant first, with the weight (power of 10000) of the first one and the
    /// decimal's own scale as display scale, so 1.50 stays 1.50 as with Npgsql.
    /// </summary>
    public void Write(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var scale = (bits[3] >> 16) & 0xFF;
        var negative = bits[3] < 0;
        var mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        // Fractional digits padded to whole groups of four.
        var pad = (4 - scale % 4) % 4;
        for (var i = 0; i < pad; i++)
        {
            mantissa *= 10;
        }
        var fractionGroups = (scale + pad) / 4;

        Span<short> groups = stackalloc short[16]; // least significant first
        var count = 0;
        while (mantissa != 0)
        {
            groups[count++] = (short)(ushort)(mantissa % 10000);
            mantissa /= 10000;
        }
        var weight = count - fractionGroups - 1;
        var low = 0;
        while (low < count && groups[low] == 0)
        {
            low++;
        }
        var digits = count - low;

        WriteRaw(8 + digits * 2);
        Ensure(8 + digits * 2);
        var span = _buffer.AsSpan(_position);
        BinaryPrimitives.WriteInt16BigEndian(span, (short)digits);
        BinaryPrimitives.WriteInt16BigEndian(span[2..], (short)(digits == 0 ? 0 : weight));
        BinaryPrimitives.WriteInt16BigEndian(span[4..], (short)(negative && digits > 0 ? 0x4000 : 0));
        BinaryPrimitives.WriteInt16BigEndian(span[6..], (short)scale);
        for (var i = 0; i < digits; i++)
        {
            BinaryPrimitives.WriteInt16BigEndian(span[(8 + i * 2)..], groups[count - 1 - i]);
        }
        _position += 8 + digits * 2;
    }

    /// <summary>Ends the COPY; its rows become part of the connection's transaction.</summary>
    public void Complete()
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_position), -1);
        _position += 2;
        Flush();
        _completed = true;
        _stream.Dispose();
    }

    /// <summary>Without <see cref="Complete"/>, the COPY is cancelled and the server discards its rows.</summary>
    public void Dispose()
    {
        if (!_completed)
        {
            _completed = true;
            try
            {
                _stream.Cancel();
                _stream.Dispose();
            }
            catch (NpgsqlException)
            {
                // Already failing (a broken connection, a rejected row): the first error is the one to report, and the
                // transaction is rolled back anyway.
            }
        }
    }

    private void WriteRaw(int value)
    {
        Ensure(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_position), value);
        _position += 4;
    }

    private void WriteBytes(byte[] bytes)
    {
        if (bytes.Length > _buffer.Length / 2)
        {
            Flush();
            _stream.Write(bytes);
            return;
        }
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer, _position);
        _position += bytes.Length;
    }

    private void Ensure(int bytes)
    {
        if (_position + bytes > _buffer.Length)
        {
            Flush();
        }
    }

    private void Flush()
    {
        _stream.Write(_buffer, 0, _position);
        _position = 0;
    }
}
