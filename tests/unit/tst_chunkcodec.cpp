#include "ChunkCodec.h"

#include <QRandomGenerator>
#include <QTest>

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace {

constexpr int Points = 720;
const double NaN = std::numeric_limits<double>::quiet_NaN();

// Bit for bit, except that every NaN is a gap and equals every other NaN.
bool sameValues(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i) {
        if (std::isnan(a[i]) != std::isnan(b[i]))
            return false;
        if (!std::isnan(a[i]) && std::bit_cast<quint64>(a[i]) != std::bit_cast<quint64>(b[i]))
            return false;
    }
    return true;
}

std::vector<double> generate(const QString &kind, quint32 seed)
{
    QRandomGenerator random(seed);
    std::vector<double> v(Points);
    double level = 50;
    for (int i = 0; i < Points; ++i) {
        level = std::clamp(level + random.bounded(10.0) - 5.0, 0.0, 100.0);
        if (kind == QLatin1String("whole percent"))
            v[size_t(i)] = double(random.bounded(101));
        else if (kind == QLatin1String("node mean"))
            v[size_t(i)] = double(random.bounded(801)) / 8;
        else if (kind == QLatin1String("two decimals"))
            v[size_t(i)] = std::round(level * 100) / 100;
        else if (kind == QLatin1String("counter"))
            v[size_t(i)] = 1e6 + i * 37.0;
        else if (kind == QLatin1String("constant"))
            v[size_t(i)] = 3000;
        else if (kind == QLatin1String("negative decimals"))
            v[size_t(i)] = (std::round(level * 10) - 1001) / 10; // never -0.0
        else if (kind == QLatin1String("any doubles"))
            v[size_t(i)] = level / 3.0;
        else if (kind == QLatin1String("random bits"))
            v[size_t(i)] = std::bit_cast<double>(random.generate64());
        else if (kind == QLatin1String("huge integers"))
            v[size_t(i)] = (i % 2 ? -1.0 : 1.0) * 9007199254740991.0;
    }
    return v;
}

} // namespace

class TestChunkCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void specialValues();
    void allGapsEncodeNothing();
    void compactOnDecimalData();
    void damagedBlobsAreRefusedNotRead();
    void aggregatesRoundTrip();
};

void TestChunkCodec::roundTrip_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("gapEvery"); // 0: no gaps
    QTest::addColumn<int>("expectedEncoding");

    const int scaled = ChunkCodec::ScaledIntegers, xored = ChunkCodec::XorDoubles;
    for (const int gaps : { 0, 7 }) {
        const QString suffix = gaps ? QStringLiteral(", gaps") : QString();
        const auto row = [&](const char *kind, int encoding) {
            QTest::addRow("%s%s", kind, qPrintable(suffix)) << QString::fromLatin1(kind) << gaps << encoding;
        };
        row("whole percent", scaled);
        row("node mean", scaled);
        row("two decimals", scaled);
        row("counter", scaled);
        row("constant", scaled);
        row("negative decimals", scaled);
        row("huge integers", scaled);
        row("any doubles", xored);
        row("random bits", xored);
    }
}

void TestChunkCodec::roundTrip()
{
    QFETCH(QString, kind);
    QFETCH(int, gapEvery);
    QFETCH(int, expectedEncoding);
    for (quint32 seed = 1; seed <= 20; ++seed) {
        std::vector<double> values = generate(kind, seed);
        if (gapEvery)
            for (size_t i = seed % 5; i < values.size(); i += size_t(gapEvery))
                values[i] = NaN;
        // Leading and trailing gaps of various lengths.
        std::fill_n(values.begin(), seed % 3, NaN);
        std::fill_n(values.end() - seed % 4, seed % 4, NaN);
        if (kind == QLatin1String("random bits"))
            for (double &v : values)
                if (std::isnan(v))
                    v = 1.5; // random NaN patterns are gaps, tested elsewhere
        QByteArray blob;
        QVERIFY(ChunkCodec::encode(values.data(), Points, &blob));
        QCOMPARE(int(ChunkCodec::encodingOf(blob)), expectedEncoding);
        std::vector<double> decoded(Points, 42.0);
        QVERIFY(ChunkCodec::decode(blob.constData(), blob.size(), decoded.data(), Points));
        QVERIFY2(sameValues(values, decoded), qPrintable(QStringLiteral("seed %1").arg(seed)));
    }
}

void TestChunkCodec::specialValues()
{
    std::vector<double> values(Points, NaN);
    const double special[] = { -0.0, 0.0, std::numeric_limits<double>::infinity(),
        -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::denorm_min(),
        std::numeric_limits<double>::max(), std::numeric_limits<double>::lowest(),
        std::numeric_limits<double>::min(), 0.1, 1e300, -1e-300, 9007199254740993.0 };
    for (size_t i = 0; i < std::size(special); ++i)
        values[10 + 3 * i] = special[i];
    QByteArray blob;
    QVERIFY(ChunkCodec::encode(values.data(), Points, &blob));
    std::vector<double> decoded(Points);
    QVERIFY(ChunkCodec::decode(blob.constData(), blob.size(), decoded.data(), Points));
    QVERIFY(sameValues(values, decoded));
    QVERIFY(std::signbit(decoded[10]));

    // -0.0 is not an integer that comes back as itself: it must not be scaled.
    std::vector<double> zeros(Points, 0.0);
    zeros[5] = -0.0;
    QVERIFY(ChunkCodec::encode(zeros.data(), Points, &blob));
    QVERIFY(ChunkCodec::decode(blob.constData(), blob.size(), decoded.data(), Points));
    QVERIFY(sameValues(zeros, decoded));

    // A single value, at the very end.
    std::vector<double> last(Points, NaN);
    last.back() = 7.25;
    QVERIFY(ChunkCodec::encode(last.data(), Points, &blob));
    QVERIFY(ChunkCodec::decode(blob.constData(), blob.size(), decoded.data(), Points));
    QVERIFY(sameValues(last, decoded));
}

void TestChunkCodec::allGapsEncodeNothing()
{
    std::vector<double> values(Points, NaN);
    QByteArray blob = QByteArrayLiteral("unchanged");
    QVERIFY(!ChunkCodec::encode(values.data(), Points, &blob));
    QCOMPARE(blob, QByteArrayLiteral("unchanged"));
}

void TestChunkCodec::compactOnDecimalData()
{
    // Means of 8 whole percents change by a few percent a minute: about 1 byte a value.
    QRandomGenerator random(3);
    std::vector<double> values(Points);
    int sum = 400;
    for (double &v : values) {
        sum = std::clamp(sum + int(random.bounded(41)) - 20, 0, 800);
        v = sum / 8.0;
    }
    QByteArray blob;
    QVERIFY(ChunkCodec::encode(values.data(), Points, &blob));
    QVERIFY2(blob.size() < Points * 1.1, qPrintable(QString::number(blob.size())));
}

void TestChunkCodec::damagedBlobsAreRefusedNotRead()
{
    // Truncated and overwritten blobs are refused or decode to something, but never read outside
    // the blob (the asan preset checks that) and never write outside the output.
    QRandomGenerator random(11);
    for (const QString &kind : { QStringLiteral("node mean"), QStringLiteral("any doubles") }) {
        std::vector<double> values = generate(kind, 5);
        values[100] = NaN;
        QByteArray blob;
        QVERIFY(ChunkCodec::encode(values.data(), Points, &blob));
        std::vector<double> out(Points + 16, 1.0);
        for (qsizetype size = 0; size < blob.size(); ++size)
            QVERIFY(
                !ChunkCodec::decode(blob.constData(), size, out.data(), Points) || size >= blob.size() - 8);
        for (int round = 0; round < 2000; ++round) {
            QByteArray damaged = blob;
            for (int n = 0; n < 4; ++n)
                damaged[random.bounded(int(damaged.size()))] = char(random.bounded(256));
            ChunkCodec::decode(damaged.constData(), damaged.size(), out.data(), Points);
            for (int i = Points; i < Points + 16; ++i)
                QCOMPARE(out[size_t(i)], 1.0);
        }
    }
    std::vector<double> out(Points);
    QVERIFY(!ChunkCodec::decode("\x09\x00\x00\x01\x00\x00", 6, out.data(), Points)); // unknown encoding
    QVERIFY(!ChunkCodec::decode("\x02\xff\x02\x02\x00\x00", 6, out.data(), Points)); // beyond the chunk
}

void TestChunkCodec::aggregatesRoundTrip()
{
    constexpr int Buckets = 720;
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> counts(Buckets), mins(Buckets), maxs(Buckets), sums(Buckets);
    for (int b = 0; b < Buckets; ++b) {
        const bool empty = b < 10 || b % 97 == 0;
        counts[size_t(b)] = empty ? nan : 5;
        mins[size_t(b)] = empty ? nan : 10 + b % 13;
        maxs[size_t(b)] = empty ? nan : 60 + b % 29 + 0.25;
        sums[size_t(b)] = empty ? nan : 5 * (30 + b % 17) + 0.5;
    }
    QByteArray blob;
    QVERIFY(ChunkCodec::encodeAggregates(
        { counts.data(), mins.data(), maxs.data(), sums.data() }, Buckets, &blob));
    // Whole numbers and few decimals: about a byte a bucket and array, not 8.
    QVERIFY2(blob.size() < 4 * Buckets, qPrintable(QString::number(blob.size())));
    std::vector<double> out[4];
    for (std::vector<double> &array : out)
        array.resize(Buckets);
    QVERIFY(ChunkCodec::decodeAggregates(
        blob.constData(), blob.size(), out[0].data(), out[1].data(), out[2].data(), out[3].data(), Buckets));
    const std::vector<double> *in[] = { &counts, &mins, &maxs, &sums };
    for (int a = 0; a < 4; ++a)
        for (int b = 0; b < Buckets; ++b)
            QVERIFY(std::isnan((*in[a])[size_t(b)]) ? std::isnan(out[a][size_t(b)])
                                                    : out[a][size_t(b)] == (*in[a])[size_t(b)]);
    // Cut short anywhere: refused, never read past the end.
    for (const qsizetype size :
        { qsizetype(0), qsizetype(1), qsizetype(3), blob.size() / 2, blob.size() - 1 })
        QVERIFY(!ChunkCodec::decodeAggregates(
            blob.constData(), size, out[0].data(), out[1].data(), out[2].data(), out[3].data(), Buckets));
    // No bucket with a sample: nothing to store.
    std::vector<double> none(Buckets, nan);
    QVERIFY(!ChunkCodec::encodeAggregates(
        { none.data(), none.data(), none.data(), none.data() }, Buckets, &blob));
}

QTEST_GUILESS_MAIN(TestChunkCodec)
#include "tst_chunkcodec.moc"
