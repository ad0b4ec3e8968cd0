#include "ChunkCodec.h"

#include <QtEndian>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <vector>

namespace ChunkCodec {
namespace {

constexpr int MaxDecimals = 9;
constexpr double PowersOfTen[MaxDecimals + 1] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9 };
// Integers up to 2^53 convert to and from double exactly.
constexpr double MaxExactInteger = 9007199254740992.0;
constexpr int HeaderSize = 6; // encoding, first, count, gaps

quint64 bitsOf(double v)
{
    return std::bit_cast<quint64>(v);
}

int bitWidth(quint64 v)
{
    return int(std::bit_width(v));
}

quint64 zigzag(qint64 v)
{
    return (quint64(v) << 1) ^ quint64(v >> 63);
}

qint64 unzigzag(quint64 v)
{
    return qint64(v >> 1) ^ -qint64(v & 1);
}

// Writes bits least significant first into a buffer sized in advance.
class BitWriter
{
public:
    explicit BitWriter(uchar *out)
        : m_out(out)
    { }
    void write(quint64 value, int bits)
    {
        if (bits > 32) {
            put(value & 0xffffffffu, 32);
            put(value >> 32, bits - 32);
        } else {
            put(value, bits);
        }
    }
    // Bytes written, the last one padded with zero bits.
    qsizetype finish()
    {
        while (m_bits > 0) {
            *m_out++ = uchar(m_acc);
            m_acc >>= 8;
            m_bits -= 8;
            ++m_size;
        }
        m_bits = 0;
        return m_size;
    }

private:
    void put(quint64 value, int bits)
    {
        if (bits == 0)
            return;
        m_acc |= (value & ((quint64(1) << bits) - 1)) << m_bits;
        m_bits += bits;
        while (m_bits >= 8) {
            *m_out++ = uchar(m_acc);
            m_acc >>= 8;
            m_bits -= 8;
            ++m_size;
        }
    }
    uchar *m_out;
    quint64 m_acc = 0;
    int m_bits = 0;
    qsizetype m_size = 0;
};

// Reads what BitWriter wrote; past the end of the data it sets failed() and returns zeros.
class BitReader
{
public:
    BitReader(const uchar *data, const uchar *end)
        : m_p(data)
        , m_end(end)
    { }
    quint64 read(int bits)
    {
        if (bits > 32) {
            const quint64 low = take(32);
            return low | (take(bits - 32) << 32);
        }
        return take(bits);
    }
    bool failed() const { return m_failed; }

private:
    quint64 take(int bits)
    {
        if (bits == 0)
            return 0;
        if (m_bits < bits) {
            refill();
            if (m_bits < bits) {
                m_failed = true;
                return 0;
            }
        }
        const quint64 value = m_acc & ((quint64(1) << bits) - 1);
        m_acc >>= bits;
        m_bits -= bits;
        return value;
    }
    void refill()
    {
        if (m_end - m_p >= 8) {
            // Bits above the ones counted are the next bytes, loaded again in the same place later.
            m_acc |= qFromLittleEndian<quint64>(m_p) << m_bits;
            const int bytes = (63 - m_bits) >> 3;
            m_p += bytes;
            m_bits += bytes * 8;
        } else {
            while (m_bits <= 56 && m_p < m_end) {
                m_acc |= quint64(*m_p++) << m_bits;
                m_bits += 8;
            }
        }
    }
    const uchar *m_p;
    const uchar *m_end;
    quint64 m_acc = 0;
    int m_bits = 0;
    bool m_failed = false;
};

uchar *putVarint(uchar *out, quint64 v)
{
    while (v >= 0x80) {
        *out++ = uchar(v | 0x80);
        v >>= 7;
    }
    *out++ = uchar(v);
    return out;
}

bool getVarint(const uchar *&p, const uchar *end, quint64 *v)
{
    quint64 result = 0;
    for (int shift = 0; shift < 64 && p < end; shift += 7) {
        const uchar byte = *p++;
        result |= quint64(byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            *v = result;
            return true;
        }
    }
    return false;
}

// The smallest number of decimals with which every value is an integer k, k / 10^d giving the
// value back bit for bit; fills ks. Returns -1 when there is none.
int findDecimals(const double *values, qsizetype m, qint64 *ks)
{
    for (int d = 0; d <= MaxDecimals; ++d) {
        const double scale = PowersOfTen[d];
        qsizetype i = 0;
        for (; i < m; ++i) {
            const double scaled = values[i] * scale;
            if (!(std::fabs(scaled) < MaxExactInteger))
                break; // also NaN and infinities
            const qint64 k = std::llround(scaled);
            if (bitsOf(double(k) / scale) != bitsOf(values[i]))
                break;
            ks[i] = k;
        }
        if (i == m)
            return d;
    }
    return -1;
}

struct Scratch
{
    std::vector<double> values;
    std::vector<qint64> ks;
};

Scratch &scratch()
{
    thread_local Scratch s;
    return s;
}

} // namespace

quint8 encodingOf(const QByteArray &blob)
{
    return blob.isEmpty() ? 0 : quint8(blob.at(0));
}

bool encode(const double *points, int count, QByteArray *blob)
{
    int first = 0;
    while (first < count && std::isnan(points[first]))
        ++first;
    if (first == count)
        return false;
    int last = count - 1;
    while (std::isnan(points[last]))
        --last;
    const int span = last - first + 1;
    const double *in = points + first;

    Scratch &s = scratch();
    s.values.resize(size_t(span));
    s.ks.resize(size_t(span));
    qsizetype m = 0;
    for (int i = 0; i < span; ++i)
        if (!std::isnan(in[i]))
            s.values[size_t(m++)] = in[i];
    const bool gaps = m != span;
    const qsizetype bitmapSize = gaps ? (span + 7) / 8 : 0;

    // Room for the worst case: every XOR value with a new window (2 + 5 + 6 + 64 bits), and the
    // scaled header (three bytes, three varints of up to 10 bytes).
    blob->resize(HeaderSize + bitmapSize + 3 + 30 + m * 10 + 8);
    uchar *const begin = reinterpret_cast<uchar *>(blob->data());
    uchar *out = begin;
    out[0] = 0;
    qToLittleEndian(quint16(first), out + 1);
    qToLittleEndian(quint16(span), out + 3);
    out[5] = gaps ? 1 : 0;
    out += HeaderSize;
    if (gaps) {
        std::memset(out, 0, size_t(bitmapSize));
        for (int i = 0; i < span; ++i)
            if (!std::isnan(in[i]))
                out[i / 8] |= uchar(1u << (i % 8));
        out += bitmapSize;
    }

    const int decimals = findDecimals(s.values.data(), m, s.ks.data());
    if (decimals >= 0) {
        const qint64 *k = s.ks.data();
        const auto [minIt, maxIt] = std::minmax_element(k, k + m);
        const qint64 kMin = *minIt, kMax = *maxIt;
        quint64 scale = 0;
        for (qsizetype i = 0; i < m; ++i)
            scale = std::gcd(scale, quint64(k[i] - kMin));
        if (scale == 0)
            scale = 1;
        const int widthValues = bitWidth(quint64(kMax - kMin) / scale);
        qint64 minDelta = 0, maxDelta = 0;
        for (qsizetype i = 1; i < m; ++i) {
            const qint64 delta = (k[i] - k[i - 1]) / qint64(scale);
            if (i == 1 || delta < minDelta)
                minDelta = delta;
            if (i == 1 || delta > maxDelta)
                maxDelta = delta;
        }
        const int widthDeltas = bitWidth(quint64(maxDelta - minDelta));
        const bool useDeltas = m > 1 && qint64(widthDeltas) * (m - 1) + 16 < qint64(widthValues) * m;

        *out++ = uchar(decimals);
        *out++ = useDeltas ? 1 : 0;
        *out++ = uchar(useDeltas ? widthDeltas : widthValues);
        out = putVarint(out, scale);
        out = putVarint(out, zigzag(useDeltas ? k[0] : kMin));
        if (useDeltas)
            out = putVarint(out, zigzag(minDelta));
        BitWriter bits(out);
        if (useDeltas) {
            for (qsizetype i = 1; i < m; ++i)
                bits.write(quint64((k[i] - k[i - 1]) / qint64(scale) - minDelta), widthDeltas);
        } else {
            for (qsizetype i = 0; i < m; ++i)
                bits.write(quint64(k[i] - kMin) / scale, widthValues);
        }
        out += bits.finish();
        begin[0] = ScaledIntegers;
    } else {
        BitWriter bits(out);
        quint64 previous = bitsOf(s.values[0]);
        bits.write(previous, 64);
        int windowLeading = -1, windowTrailing = 0;
        for (qsizetype i = 1; i < m; ++i) {
            const quint64 current = bitsOf(s.values[size_t(i)]);
            const quint64 x = current ^ previous;
            previous = current;
            if (x == 0) {
                bits.write(0, 1);
                continue;
            }
            const int leading = std::min(std::countl_zero(x), 31);
            const int trailing = std::countr_zero(x);
            if (windowLeading >= 0 && leading >= windowLeading && trailing >= windowTrailing) {
                bits.write(0b01, 2); // 1, then 0: the previous window
                bits.write(x >> windowTrailing, 64 - windowLeading - windowTrailing);
            } else {
                const int meaningful = 64 - leading - trailing;
                bits.write(0b11, 2);
                bits.write(quint64(leading), 5);
                bits.write(quint64(meaningful - 1), 6);
                bits.write(x >> trailing, meaningful);
                windowLeading = leading;
                windowTrailing = trailing;
            }
        }
        out += bits.finish();
        begin[0] = XorDoubles;
    }
    blob->resize(out - begin);
    return true;
}

bool decode(const char *data, qsizetype size, double *out, int count)
{
    const auto *p = reinterpret_cast<const uchar *>(data);
    const uchar *const end = p + size;
    if (size < 3)
        return false;
    std::fill(out, out + count, std::numeric_limits<double>::quiet_NaN());
    const quint8 encoding = p[0];
    const int first = qFromLittleEndian<quint16>(p + 1);

    if (encoding == RawDoubles) {
        const qsizetype payload = size - 3;
        if (payload % qsizetype(sizeof(double)) != 0 || first + payload / 8 > count)
            return false;
        qFromLittleEndian<quint64>(p + 3, payload / 8, out + first);
        return true;
    }
    if ((encoding != XorDoubles && encoding != ScaledIntegers) || size < HeaderSize)
        return false;
    const int span = qFromLittleEndian<quint16>(p + 3);
    const bool gaps = p[5] != 0;
    if (span == 0 || first + span > count)
        return false;
    p += HeaderSize;
    const uchar *bitmap = nullptr;
    if (gaps) {
        if (end - p < (span + 7) / 8)
            return false;
        bitmap = p;
        p += (span + 7) / 8;
    }
    // Decoded into their own places; only present positions take values.
    double *target = out + first;
    int position = 0;
    const auto nextPosition = [&]() -> double * {
        if (bitmap)
            while (position < span && !(bitmap[position / 8] & (1u << (position % 8))))
                ++position;
        return position < span ? target + position++ : nullptr;
    };

    if (encoding == ScaledIntegers) {
        if (end - p < 3)
            return false;
        const int decimals = p[0];
        const bool deltas = p[1] != 0;
        const int width = p[2];
        p += 3;
        quint64 scale = 0, base = 0, minDelta = 0;
        if (decimals > MaxDecimals || width > 64 || !getVarint(p, end, &scale) || !getVarint(p, end, &base)
            || (deltas && !getVarint(p, end, &minDelta)))
            return false;
        const double divisor = PowersOfTen[decimals];
        BitReader bits(p, end);
        // Unsigned arithmetic: a damaged blob may overflow, which must not be undefined behaviour.
        quint64 k = quint64(unzigzag(base));
        const quint64 step = quint64(unzigzag(minDelta));
        bool firstValue = true;
        while (double *slot = nextPosition()) {
            if (deltas) {
                if (!firstValue)
                    k += scale * (step + bits.read(width));
            } else {
                k = quint64(unzigzag(base)) + scale * bits.read(width);
            }
            firstValue = false;
            *slot = double(qint64(k)) / divisor;
        }
        return !bits.failed();
    }

    BitReader bits(p, end);
    quint64 value = 0;
    int windowLeading = -1, windowTrailing = 0;
    bool firstValue = true;
    while (double *slot = nextPosition()) {
        if (firstValue) {
            value = bits.read(64);
            firstValue = false;
        } else if (bits.read(1) != 0) {
            if (bits.read(1) == 0) {
                if (windowLeading < 0)
                    return false;
                value ^= bits.read(64 - windowLeading - windowTrailing) << windowTrailing;
            } else {
                const int leading = int(bits.read(5));
                const int meaningful = int(bits.read(6)) + 1;
                if (leading + meaningful > 64)
                    return false;
                windowLeading = leading;
                windowTrailing = 64 - leading - meaningful;
                value ^= bits.read(meaningful) << windowTrailing;
            }
        }
        *slot = std::bit_cast<double>(value);
    }
    return !bits.failed();
}

bool encodeAggregates(const Aggregates &buckets, int count, QByteArray *blob)
{
    // Each encoded array must fit its u16 size: at most about 10 bytes a value.
    Q_ASSERT(count <= 4096);
    QByteArray part;
    QByteArray out;
    const double *const arrays[] = { buckets.count, buckets.min, buckets.max, buckets.sum };
    for (const double *array : arrays) {
        if (!encode(array, count, &part)) {
            if (array == buckets.count)
                return false;
            part.clear(); // an array the caller left all NaN: read back as all NaN
        }
        char size[2];
        qToLittleEndian(quint16(part.size()), size);
        out.append(size, 2);
        out.append(part);
    }
    *blob = std::move(out);
    return true;
}

bool decodeAggregates(
    const char *data, qsizetype size, double *counts, double *mins, double *maxs, double *sums, int count)
{
    const char *p = data;
    const char *const end = data + size;
    for (double *array : { counts, mins, maxs, sums }) {
        if (end - p < 2)
            return false;
        const qsizetype partSize = qFromLittleEndian<quint16>(p);
        p += 2;
        if (end - p < partSize)
            return false;
        if (partSize == 0)
            std::fill(array, array + count, std::numeric_limits<double>::quiet_NaN());
        else if (!decode(p, partSize, array, count))
            return false;
        p += partSize;
    }
    return p == end;
}

} // namespace ChunkCodec
