#pragma once

#include <QByteArray>

// Lossless encodings of a chunk of regular-step samples (the data blob of SampleStore's chunk
// table). NaN is a gap: gaps are kept as gaps, every other value round-trips bit for bit.
//
// Every blob starts with an encoding byte; all integers are little-endian:
//
//   RawDoubles     [1][first u16][IEEE doubles]                          (schema version 1)
//   XorDoubles     [2][first u16][count u16][gaps u8][bitmap?][bits]      any doubles
//   ScaledIntegers [3][first u16][count u16][gaps u8][bitmap?][header][bits]
//
// first and count give the span from the first to the last non-gap point; leading and trailing
// gaps are not stored. When gaps is 1, a bitmap of ceil(count / 8) bytes (bit set: value present)
// follows, and only present values are encoded.
//
// XorDoubles is Gorilla's encoding (Pelkonen et al., VLDB 2015): each value XOR the previous one,
// stored as the window of meaningful bits between its leading and trailing zeros.
//
// ScaledIntegers serves values that are integers divided by a power of ten (whole percents, means
// of whole percents over 8 GPUs, counts, two-decimal readings): k = round(v * 10^decimals) is
// checked to give back v exactly, then k = base + scale * u (frame of reference) or
// k[i] = k[i-1] + scale * (minDelta + u[i]) (deltas), whichever needs fewer bits per value, with
// every u bit-packed at one width per chunk.
namespace ChunkCodec {

enum Encoding : quint8 { RawDoubles = 1, XorDoubles = 2, ScaledIntegers = 3 };

// Encodes points[0, count); returns false (blob untouched) when every point is a gap.
// count must be at most 65535.
bool encode(const double *points, int count, QByteArray *blob);
// Decodes a blob into out[0, count), NaN where nothing is stored. Returns false for a blob that is
// malformed or does not fit count points (out is then unspecified); never reads outside the blob.
bool decode(const char *data, qsizetype size, double *out, int count);
// The encoding byte of a blob, 0 when it is empty.
quint8 encodingOf(const QByteArray &blob);

// The blob of a rollup chunk (SampleStore's rollup table): per bucket the number of samples, their
// minimum, maximum and sum, each array encoded as above (NaN where a bucket holds no sample) and
// prefixed by its size as a little-endian u16, in the order count, min, max, sum.
struct Aggregates
{
    const double *count = nullptr;
    const double *min = nullptr;
    const double *max = nullptr;
    const double *sum = nullptr;
};
// Encodes buckets[0, count) (count at most 4096); returns false (blob untouched) when no bucket
// holds a sample.
bool encodeAggregates(const Aggregates &buckets, int count, QByteArray *blob);
// Decodes into the four arrays of count buckets each (NaN where a bucket is empty); false for a
// malformed blob, never reading outside it.
bool decodeAggregates(
    const char *data, qsizetype size, double *counts, double *mins, double *maxs, double *sums, int count);

} // namespace ChunkCodec
