#include "SampleStore.h"

#include "ChunkCodec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QtEndian>

#include <algorithm>
#include <cstring>
#include <limits>
#include <map>
#include <optional>

// File format, version 3 (PRAGMA user_version; PRAGMA application_id marks the file as ours).
//
//   series(id, query_id, name, labels)          labels as a compact JSON object
//   chunk(id, series_id, step_ms, chunk_start_ms, data)
//   coverage(query_id, step_ms, start_ms, end_ms) merged, non-adjacent intervals
//   rollup(id, series_id, step_ms, tier_ms, chunk_start_ms, data)   (since version 3)
//
// A chunk holds the values of one series at one step for ChunkPoints grid points starting at
// chunk_start_ms, a multiple of step_ms * ChunkPoints since the epoch, so that overlapping writes
// of the same range land in the same chunks. Its data blob is one of the encodings of ChunkCodec:
// version 1 wrote raw doubles, version 2 writes compressed ones (about 1-2 bytes a value for
// whole-percent and decimal data, Gorilla XOR for any other doubles). Opening a version 1 file
// re-encodes its chunks in place, in one transaction.
//
// The file uses incremental auto-vacuum, so that space freed by deletions can be given back in
// small steps instead of one long VACUUM.
//
// An index chunk_by_start(chunk_start_ms), created on open when missing, lets retention find the
// oldest chunks without scanning the table. Older builds of schema 2 ignore it.
//
// Rollups (version 3): the chunks of a series at step_ms also feed tiers of coarser buckets
// (tier_ms, 5 min and 1 h) with the count, minimum, maximum and sum of the samples in each bucket
// (ChunkCodec::encodeAggregates). A rollup chunk holds the buckets of one chunk: the same series,
// step and chunk_start_ms, ChunkPoints * step_ms / tier_ms buckets (144 of 5 min for a 1 min step).
// A tier is built from a step that divides it evenly and whose chunks hold whole buckets (5 s to
// 30 s and 1 min for 5 min; 5 s to 30 min for 1 h; not from 1 s). Every write recomputes the rollup
// chunks of the chunks it wrote from their merged values, in the same transaction and without
// reading any rollup back, so a tier never disagrees with its chunks, and a tier is valid exactly
// where coverage says its step is. Retention deletes rollup chunks with the coverage cut of their
// step. Opening a version 2 file builds the rollups of its chunks in place, in one transaction.
//
// chunk is an ordinary rowid table rather than WITHOUT ROWID: a WITHOUT ROWID b-tree keeps at
// most ~1000 bytes of a row in the page and spills the rest into overflow pages, which for a
// 5.8 kB chunk wastes most of its last overflow page (about 12 bytes/sample instead of 8).
namespace {

constexpr int ChunkPoints = 720;
constexpr qint32 ApplicationId = 0x41495343; // "AISC"
constexpr int BusyTimeoutMs = 5000;
// deleteOldestChunks() without a limit on the chunks' end.
constexpr qint64 NoEndLimit = std::numeric_limits<qint64>::min();

qint64 floorDiv(qint64 a, qint64 b)
{
    const qint64 q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

qint64 alignUp(qint64 t, qint64 step)
{
    return -floorDiv(-t, step) * step;
}

qint64 alignDown(qint64 t, qint64 step)
{
    return floorDiv(t, step) * step;
}

constexpr qint64 RollupTiers[] = { 5LL * 60 * 1000, 60LL * 60 * 1000 };

// A sum of decimal readings carries binary rounding noise (0.1 + 0.2 != 0.3), which would cost the
// sums the compact encoding of decimals (ChunkCodec::ScaledIntegers) and triple a tier's size. The sum
// is snapped to the nearest number of at most 6 decimals when that is within the noise of adding
// values of this magnitude (the sum of their absolute values); the change is far below any reading's
// precision.
double snapToDecimals(double sum, double magnitude)
{
    const double noise = magnitude * 1e-12;
    double scale = 1;
    for (int decimals = 0; decimals <= 6; ++decimals, scale *= 10) {
        const double snapped = double(std::llround(sum * scale)) / scale;
        if (std::fabs(snapped - sum) <= noise)
            return snapped;
    }
    return sum;
}

// Whether the tier is built from chunks of stepMs: whole samples per bucket, whole buckets per chunk.
bool tierBuiltFrom(qint64 tierMs, qint64 stepMs)
{
    return stepMs > 0 && stepMs < tierMs && tierMs % stepMs == 0 && ChunkPoints % (tierMs / stepMs) == 0;
}

double nan()
{
    return std::numeric_limits<double>::quiet_NaN();
}

// SQLite's primary result codes that say the file is damaged or the disk is full.
constexpr int SqliteCorrupt = 11;
constexpr int SqliteFull = 13;
constexpr int SqliteNotADatabase = 26;

int sqliteCode(const QSqlError &error)
{
    return error.nativeErrorCode().toInt() & 0xff;
}

QString encodeLabels(const std::map<QString, QString> &labels)
{
    QJsonObject object;
    for (const auto &[key, value] : labels)
        object.insert(key, value);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

std::map<QString, QString> decodeLabels(const QString &text)
{
    std::map<QString, QString> labels;
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    for (auto it = object.begin(); it != object.end(); ++it)
        labels.emplace(it.key(), it.value().toString());
    return labels;
}

// The index in result of the series of a row (id, name, labels, ...), added with count gaps when new.
size_t seriesIndex(const QSqlQuery &row, size_t count, QueryResult *result, std::map<qint64, size_t> *indexOf)
{
    const auto [it, added] = indexOf->try_emplace(row.value(0).toLongLong(), result->series.size());
    if (added) {
        Series series;
        series.name = row.value(1).toString();
        series.labels = decodeLabels(row.value(2).toString());
        series.values.assign(count, nan());
        result->series.push_back(std::move(series));
    }
    return it->second;
}

} // namespace

struct SampleStore::Impl
{
    QString connectionName;
    QString path;
    QString notice;
    QSqlDatabase db;
    bool open = false;

    QSqlQuery begin, commit, rollback;
    QSqlQuery findSeries, insertSeries, updateLabels;
    QSqlQuery selectChunk, upsertChunk, deleteChunk, readChunks;
    QSqlQuery selectCoverage, overlappingCoverage, deleteCoverage, insertCoverage, maxCoverage;
    QSqlQuery coveredSteps, upsertRollup, deleteRollup, readRollups;

    struct SeriesEntry
    {
        qint64 id;
        QString labels;
    };
    // Series ids never change once assigned, so they are remembered across writes.
    QHash<QString, SeriesEntry> seriesIds;
    std::vector<double> chunkBuffer = std::vector<double>(ChunkPoints);
    QByteArray blob;

    // The buckets of one rollup chunk: count, min, max, sum.
    std::vector<double> buckets[4];

    // A coarser step's buckets answered from a finer step's tier (read() and missing()).
    struct RollupSource
    {
        qint64 stepMs; // the finer step whose coverage and tier are used
        qint64 tierMs;
        std::vector<TimeRange> covered; // its coverage inside the request, on the request's grid
    };
    std::vector<RollupSource> rollupSources(const QString &queryId, qint64 stepMs, qint64 start, qint64 end);
    void answerFromRollups(const QString &queryId, qint64 start, qint64 end, QueryResult *result,
        std::map<qint64, size_t> *indexOf);
    bool coverageOf(
        const QString &queryId, qint64 stepMs, qint64 start, qint64 end, std::vector<TimeRange> *out);

    QString sqlError(const QSqlQuery &query) const
    {
        if (sqliteCode(query.lastError()) == SqliteFull)
            return QCoreApplication::translate("SampleStore",
                "The cache %1 is full: its disk (or its size limit) has no room for more data. "
                "What it already holds is kept, and storing resumes once there is space.")
                .arg(path);
        return QCoreApplication::translate("SampleStore", "the cache %1 could not be updated: %2")
            .arg(path, query.lastError().text());
    }
    bool prepare(QSqlQuery &query, const QString &sql, QString *error)
    {
        query = QSqlQuery(db);
        if (query.prepare(sql))
            return true;
        *error = QCoreApplication::translate("SampleStore", "Cache %1: could not prepare a statement: %2")
                     .arg(path, query.lastError().text());
        return false;
    }
    bool prepareAll(QString *error);
    bool createSchema(QString *error);
    bool upgradeFromVersion1(QString *error);
    bool openFile(bool allowRecovery, QString *error);
    bool moveAsideAndStartAfresh(const QString &damage, QString *error);
    bool seriesId(const QString &queryId, const Series &series, qint64 *id, QString *error);
    bool writeSeries(
        qint64 id, qint64 stepMs, qint64 startMs, const std::vector<double> &values, QString *error);
    bool writeTiers(qint64 id, qint64 stepMs, qint64 chunkStart, const double *points, QString *error);
    bool createRollupTable(QString *error);
    bool upgradeFromVersion2(QString *error);
    bool addCoverage(const QString &queryId, qint64 stepMs, qint64 startMs, qint64 endMs, QString *error);
    bool pageCounts(qint64 *pages, qint64 *freePages, qint64 *pageSize, QString *error);
    bool cutCoverage(const QString &queryId, qint64 stepMs, qint64 cutMs, QString *error);
    bool deleteOldestChunks(
        qint64 beforeEndMs, int limit, qint64 *deleted, qint64 *deletedUntilMs, QString *error);

    // A retention run under way (SampleStore::startRetention), one step at a time.
    struct RetentionRun
    {
        enum Phase { Age, AgeCoverage, Size, Vacuum, Done };
        RetentionPolicy policy;
        qint64 nowMs = 0;
        RetentionReport report;
        Phase phase = Age;
        bool vacuumChecked = false;
    };
    std::optional<RetentionRun> retention;
    bool retentionStep(RetentionRun *run, QString *error);
    void closeDatabase();
};

bool SampleStore::Impl::prepareAll(QString *error)
{
    const auto sql = [](const char *text) { return QString::fromLatin1(text); };
    return prepare(begin, sql("BEGIN IMMEDIATE"), error) && prepare(commit, sql("COMMIT"), error)
        && prepare(rollback, sql("ROLLBACK"), error)
        && prepare(findSeries, sql("SELECT id, labels FROM series WHERE query_id = ? AND name = ?"), error)
        && prepare(insertSeries, sql("INSERT INTO series(query_id, name, labels) VALUES(?, ?, ?)"), error)
        && prepare(updateLabels, sql("UPDATE series SET labels = ? WHERE id = ?"), error)
        && prepare(selectChunk,
            sql("SELECT data FROM chunk WHERE series_id = ? AND step_ms = ? AND chunk_start_ms = ?"), error)
        && prepare(upsertChunk,
            sql("INSERT INTO chunk(series_id, step_ms, chunk_start_ms, data) VALUES(?, ?, ?, ?) "
                "ON CONFLICT(series_id, step_ms, chunk_start_ms) DO UPDATE SET data = excluded.data"),
            error)
        && prepare(deleteChunk,
            sql("DELETE FROM chunk WHERE series_id = ? AND step_ms = ? AND chunk_start_ms = ?"), error)
        && prepare(readChunks,
            sql("SELECT s.id, s.name, s.labels, c.chunk_start_ms, c.data FROM series s "
                "JOIN chunk c ON c.series_id = s.id "
                "WHERE s.query_id = ? AND c.step_ms = ? AND c.chunk_start_ms >= ? AND c.chunk_start_ms < ? "
                "ORDER BY s.name, c.chunk_start_ms"),
            error)
        && prepare(selectCoverage,
            sql("SELECT start_ms, end_ms FROM coverage WHERE query_id = ? AND step_ms = ? "
                "AND start_ms < ? AND end_ms > ? ORDER BY start_ms"),
            error)
        && prepare(overlappingCoverage,
            sql("SELECT MIN(start_ms), MAX(end_ms) FROM coverage WHERE query_id = ? AND step_ms = ? "
                "AND start_ms <= ? AND end_ms >= ?"),
            error)
        && prepare(deleteCoverage,
            sql("DELETE FROM coverage WHERE query_id = ? AND step_ms = ? AND start_ms <= ? AND end_ms >= ?"),
            error)
        && prepare(insertCoverage,
            sql("INSERT INTO coverage(query_id, step_ms, start_ms, end_ms) VALUES(?, ?, ?, ?)"), error)
        && prepare(
            maxCoverage, sql("SELECT MAX(end_ms) FROM coverage WHERE query_id = ? AND step_ms = ?"), error)
        && prepare(coveredSteps,
            sql("SELECT DISTINCT step_ms FROM coverage WHERE query_id = ? AND step_ms < ? ORDER BY step_ms"),
            error)
        && prepare(upsertRollup,
            sql("INSERT INTO rollup(series_id, step_ms, tier_ms, chunk_start_ms, data) VALUES(?, ?, ?, ?, ?) "
                "ON CONFLICT(series_id, step_ms, tier_ms, chunk_start_ms) DO UPDATE SET data = "
                "excluded.data"),
            error)
        && prepare(deleteRollup,
            sql("DELETE FROM rollup WHERE series_id = ? AND step_ms = ? AND tier_ms = ? AND chunk_start_ms = "
                "?"),
            error)
        && prepare(readRollups,
            sql("SELECT s.id, s.name, s.labels, r.chunk_start_ms, r.data FROM series s "
                "JOIN rollup r ON r.series_id = s.id "
                "WHERE s.query_id = ? AND r.step_ms = ? AND r.tier_ms = ? AND r.chunk_start_ms >= ? "
                "AND r.chunk_start_ms < ? ORDER BY s.name, r.chunk_start_ms"),
            error);
}

bool SampleStore::Impl::createSchema(QString *error)
{
    static const char *const statements[] = {
        "CREATE TABLE series(id INTEGER PRIMARY KEY, query_id TEXT NOT NULL, name TEXT NOT NULL, "
        "labels TEXT NOT NULL, UNIQUE(query_id, name))",
        "CREATE TABLE chunk(id INTEGER PRIMARY KEY, series_id INTEGER NOT NULL REFERENCES series(id), "
        "step_ms INTEGER NOT NULL, chunk_start_ms INTEGER NOT NULL, data BLOB NOT NULL, "
        "UNIQUE(series_id, step_ms, chunk_start_ms))",
        "CREATE TABLE coverage(query_id TEXT NOT NULL, step_ms INTEGER NOT NULL, start_ms INTEGER NOT NULL, "
        "end_ms INTEGER NOT NULL, PRIMARY KEY(query_id, step_ms, start_ms)) WITHOUT ROWID",
    };
    QSqlQuery query(db);
    for (const char *statement : statements) {
        if (!query.exec(QString::fromLatin1(statement))) {
            *error = QCoreApplication::translate("SampleStore", "Cache %1: could not create its tables: %2")
                         .arg(path, query.lastError().text());
            return false;
        }
    }
    if (!createRollupTable(error))
        return false;
    if (!query.exec(QStringLiteral("PRAGMA application_id = %1").arg(ApplicationId))
        || !query.exec(QStringLiteral("PRAGMA user_version = %1").arg(SampleStore::SchemaVersion))) {
        *error = QCoreApplication::translate("SampleStore", "Cache %1: could not set its schema version: %2")
                     .arg(path, query.lastError().text());
        return false;
    }
    return true;
}

bool SampleStore::Impl::createRollupTable(QString *error)
{
    QSqlQuery query(db);
    if (query.exec(QStringLiteral(
            "CREATE TABLE rollup(id INTEGER PRIMARY KEY, series_id INTEGER NOT NULL REFERENCES series(id), "
            "step_ms INTEGER NOT NULL, tier_ms INTEGER NOT NULL, chunk_start_ms INTEGER NOT NULL, "
            "data BLOB NOT NULL, UNIQUE(series_id, step_ms, tier_ms, chunk_start_ms))")))
        return true;
    *error = QCoreApplication::translate("SampleStore", "Cache %1: could not create its tables: %2")
                 .arg(path, query.lastError().text());
    return false;
}

bool SampleStore::Impl::seriesId(const QString &queryId, const Series &series, qint64 *id, QString *error)
{
    const QString key = queryId + QChar(0) + series.name;
    const QString labels = encodeLabels(series.labels);
    auto it = seriesIds.find(key);
    if (it == seriesIds.end()) {
        findSeries.bindValue(0, queryId);
        findSeries.bindValue(1, series.name);
        if (!findSeries.exec()) {
            *error = sqlError(findSeries);
            return false;
        }
        if (findSeries.next()) {
            it = seriesIds.insert(key, { findSeries.value(0).toLongLong(), findSeries.value(1).toString() });
            findSeries.finish();
        } else {
            findSeries.finish();
            insertSeries.bindValue(0, queryId);
            insertSeries.bindValue(1, series.name);
            insertSeries.bindValue(2, labels);
            if (!insertSeries.exec()) {
                *error = sqlError(insertSeries);
                return false;
            }
            it = seriesIds.insert(key, { insertSeries.lastInsertId().toLongLong(), labels });
        }
    }
    if (it->labels != labels) {
        updateLabels.bindValue(0, labels);
        updateLabels.bindValue(1, it->id);
        if (!updateLabels.exec()) {
            *error = sqlError(updateLabels);
            return false;
        }
        it->labels = labels;
    }
    *id = it->id;
    return true;
}

bool SampleStore::Impl::writeSeries(
    qint64 id, qint64 stepMs, qint64 startMs, const std::vector<double> &values, QString *error)
{
    const qint64 span = stepMs * ChunkPoints;
    const qsizetype n = qsizetype(values.size());
    for (qsizetype i = 0; i < n;) {
        const qint64 t = startMs + i * stepMs;
        const qint64 chunkStart = floorDiv(t, span) * span;
        const int first = int((t - chunkStart) / stepMs);
        const int count = int(std::min<qsizetype>(ChunkPoints - first, n - i));
        const double *points = nullptr;
        if (count == ChunkPoints) {
            points = values.data() + i;
        } else {
            // A partial chunk: merge with what is stored so that points outside the write are kept.
            std::fill(chunkBuffer.begin(), chunkBuffer.end(), nan());
            selectChunk.bindValue(0, id);
            selectChunk.bindValue(1, stepMs);
            selectChunk.bindValue(2, chunkStart);
            if (!selectChunk.exec()) {
                *error = sqlError(selectChunk);
                return false;
            }
            if (selectChunk.next()) {
                const QByteArray data = selectChunk.value(0).toByteArray();
                if (!ChunkCodec::decode(data.constData(), data.size(), chunkBuffer.data(), ChunkPoints))
                    std::fill(chunkBuffer.begin(), chunkBuffer.end(), nan());
            }
            selectChunk.finish();
            std::copy_n(values.data() + i, count, chunkBuffer.data() + first);
            points = chunkBuffer.data();
        }
        if (!writeTiers(id, stepMs, chunkStart, points, error))
            return false;
        QSqlQuery &statement = ChunkCodec::encode(points, ChunkPoints, &blob) ? upsertChunk : deleteChunk;
        statement.bindValue(0, id);
        statement.bindValue(1, stepMs);
        statement.bindValue(2, chunkStart);
        if (&statement == &upsertChunk)
            statement.bindValue(3, blob);
        if (!statement.exec()) {
            *error = sqlError(statement);
            return false;
        }
        i += count;
    }
    return true;
}

// Recomputes the rollup chunks of the chunk at chunkStart (its merged values in points) and stores
// them, or deletes them when the chunk holds only gaps.
bool SampleStore::Impl::writeTiers(
    qint64 id, qint64 stepMs, qint64 chunkStart, const double *points, QString *error)
{
    for (const qint64 tier : RollupTiers) {
        if (!tierBuiltFrom(tier, stepMs))
            continue;
        const int perBucket = int(tier / stepMs);
        const int count = ChunkPoints / perBucket;
        for (std::vector<double> &array : buckets)
            array.resize(size_t(count));
        for (int b = 0; b < count; ++b) {
            double n = 0, sum = 0, magnitude = 0;
            double low = std::numeric_limits<double>::infinity(), high = -low;
            for (const double *v = points + ptrdiff_t(b) * perBucket, *end = v + perBucket; v != end; ++v) {
                if (std::isnan(*v))
                    continue;
                ++n;
                sum += *v;
                magnitude += std::fabs(*v);
                low = std::min(low, *v);
                high = std::max(high, *v);
            }
            const size_t slot = size_t(b);
            if (n == 0) {
                buckets[0][slot] = buckets[1][slot] = buckets[2][slot] = buckets[3][slot] = nan();
                continue;
            }
            buckets[0][slot] = n;
            buckets[1][slot] = low;
            buckets[2][slot] = high;
            buckets[3][slot] = std::isfinite(sum) ? snapToDecimals(sum, magnitude) : sum;
        }
        const ChunkCodec::Aggregates aggregates { buckets[0].data(), buckets[1].data(), buckets[2].data(),
            buckets[3].data() };
        QSqlQuery &statement
            = ChunkCodec::encodeAggregates(aggregates, count, &blob) ? upsertRollup : deleteRollup;
        statement.bindValue(0, id);
        statement.bindValue(1, stepMs);
        statement.bindValue(2, tier);
        statement.bindValue(3, chunkStart);
        if (&statement == &upsertRollup)
            statement.bindValue(4, blob);
        if (!statement.exec()) {
            *error = sqlError(statement);
            return false;
        }
    }
    return true;
}

bool SampleStore::Impl::addCoverage(
    const QString &queryId, qint64 stepMs, qint64 startMs, qint64 endMs, QString *error)
{
    // Intervals that overlap or touch [startMs, endMs) are replaced by their union with it.
    for (QSqlQuery *query : { &overlappingCoverage, &deleteCoverage }) {
        query->bindValue(0, queryId);
        query->bindValue(1, stepMs);
        query->bindValue(2, endMs);
        query->bindValue(3, startMs);
        if (!query->exec()) {
            *error = sqlError(*query);
            return false;
        }
        if (query == &overlappingCoverage) {
            if (query->next() && !query->isNull(0)) {
                startMs = std::min(startMs, query->value(0).toLongLong());
                endMs = std::max(endMs, query->value(1).toLongLong());
            }
            query->finish();
        }
    }
    insertCoverage.bindValue(0, queryId);
    insertCoverage.bindValue(1, stepMs);
    insertCoverage.bindValue(2, startMs);
    insertCoverage.bindValue(3, endMs);
    if (!insertCoverage.exec()) {
        *error = sqlError(insertCoverage);
        return false;
    }
    return true;
}

void SampleStore::Impl::closeDatabase()
{
    for (QSqlQuery *query :
        { &begin, &commit, &rollback, &findSeries, &insertSeries, &updateLabels, &selectChunk, &upsertChunk,
            &deleteChunk, &readChunks, &selectCoverage, &overlappingCoverage, &deleteCoverage,
            &insertCoverage, &maxCoverage, &coveredSteps, &upsertRollup, &deleteRollup, &readRollups })
        *query = QSqlQuery();
    seriesIds.clear();
    retention.reset();
    const bool hadConnection = db.isValid();
    if (hadConnection)
        db.close();
    db = QSqlDatabase();
    if (hadConnection)
        QSqlDatabase::removeDatabase(connectionName);
    open = false;
}

SampleStore::SampleStore(const QString &connectionName)
    : d(new Impl)
{
    d->connectionName = connectionName;
}

SampleStore::~SampleStore()
{
    close();
    delete d;
}

bool SampleStore::open(const QString &path, QString *error)
{
    close();
    QString ignored;
    if (!error)
        error = &ignored;
    d->path = path;
    d->notice.clear();
    return d->openFile(true, error);
}

bool SampleStore::Impl::openFile(bool allowRecovery, QString *error)
{
    const bool inMemory = path == QLatin1String(":memory:");

    if (!inMemory) {
        const QFileInfo info(path);
        if (info.isDir()) {
            *error = SampleStore::tr("The cache %1 is a directory; expected a SQLite file.").arg(path);
            return false;
        }
        if (info.exists() && info.size() > 0) {
            // Checked before SQLite sees the file, so that nothing is ever written into a file
            // that is not a SQLite database.
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                *error = SampleStore::tr("The cache %1 cannot be read: %2").arg(path, file.errorString());
                return false;
            }
            static const char magic[] = "SQLite format 3";
            if (file.read(sizeof magic) != QByteArray(magic, sizeof magic)) {
                *error = SampleStore::tr("The cache %1 is not a SQLite database; it was left unchanged. "
                                         "Choose another cache file.")
                             .arg(path);
                return false;
            }
        } else if (!info.absoluteDir().mkpath(QStringLiteral("."))) {
            *error = SampleStore::tr("The folder of the cache %1 cannot be created.").arg(path);
            return false;
        }
    }

    db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(BusyTimeoutMs));
    if (!db.open()) {
        *error = SampleStore::tr("The cache %1 cannot be opened: %2").arg(path, db.lastError().text());
        closeDatabase();
        return false;
    }

    const auto fail = [&](const QString &message) {
        *error = message;
        closeDatabase();
        return false;
    };
    QSqlQuery query(db);
    const auto pragma = [&](const QString &name) {
        if (!query.exec(QStringLiteral("PRAGMA ") + name) || !query.next())
            return QVariant();
        QVariant value = query.value(0);
        query.finish();
        return value;
    };
    const auto readError = [&]() {
        return SampleStore::tr("The cache %1 cannot be read as a SQLite database: %2; it was left unchanged.")
            .arg(path, query.lastError().text());
    };

    // Only reads until the file is known to be ours and of a version this build understands.
    // All in one read transaction: another dashboard creating this file at the same moment is then
    // seen before or after, never half-way (its tables already there, its schema version not yet).
    query.exec(QStringLiteral("BEGIN"));
    QVariant version = pragma(QStringLiteral("user_version"));
    const QVariant applicationId = pragma(QStringLiteral("application_id"));
    qint64 objects = -1;
    if (query.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) && query.next())
        objects = query.value(0).toLongLong();
    query.finish();
    query.exec(QStringLiteral("COMMIT"));
    if (!version.isValid() || !applicationId.isValid() || objects < 0)
        return fail(readError());
    if (applicationId.toLongLong() != 0 && applicationId.toLongLong() != ApplicationId)
        return fail(SampleStore::tr("The cache %1 is a SQLite database of another application; it was left "
                                    "unchanged.")
                        .arg(path));
    if (version.toInt() > SampleStore::SchemaVersion)
        return fail(SampleStore::tr(
            "The cache %1 has schema version %2, but this version of the dashboard supports "
            "version %3 at most; it was left unchanged. Use a newer dashboard or another cache file.")
                        .arg(path)
                        .arg(version.toInt())
                        .arg(SampleStore::SchemaVersion));
    if (version.toInt() == 0) {
        if (objects > 0)
            return fail(SampleStore::tr(
                "The cache %1 is a SQLite database but not a dashboard cache (it has tables and no "
                "schema version); it was left unchanged.")
                            .arg(path));
    }

    if (!inMemory && version.toInt() > 0 && applicationId.toLongLong() == ApplicationId) {
        // A damaged b-tree is found here rather than by a failing write later. quick_check reads
        // every page once, on the cache's thread.
        QString damage;
        if (!query.exec(QStringLiteral("PRAGMA quick_check"))) {
            const int code = sqliteCode(query.lastError());
            if (code != SqliteCorrupt && code != SqliteNotADatabase)
                return fail(readError());
            damage = query.lastError().text();
        } else {
            // SQLite's report can run to many lines; the first two problems say enough.
            QStringList problems;
            bool more = false;
            while (query.next()) {
                const QStringList lines
                    = query.value(0).toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
                for (const QString &line : lines) {
                    if (line == QLatin1String("ok") || line.startsWith(QLatin1String("***")))
                        continue;
                    if (problems.size() < 2)
                        problems.append(line);
                    else
                        more = true;
                }
            }
            query.finish();
            damage = problems.join(QLatin1String("; ")) + (more ? QStringLiteral("; …") : QString());
        }
        if (!damage.isEmpty()) {
            query = QSqlQuery();
            closeDatabase();
            if (!allowRecovery) {
                *error = SampleStore::tr("The cache %1 is damaged (%2).").arg(path, damage);
                return false;
            }
            return moveAsideAndStartAfresh(damage, error);
        }
    }

    // Takes effect only while the file has no tables, and before anything (such as switching to
    // WAL) writes its first page: so here, before the journal mode.
    if (version.toInt() == 0)
        query.exec(QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"));
    if (!inMemory) {
        const QVariant mode = pragma(QStringLiteral("journal_mode = WAL"));
        if (mode.toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
            qWarning("Cache %s: WAL journal mode is not available (%s); concurrent readers will wait",
                qPrintable(path), qPrintable(mode.toString()));
    }
    if (!query.exec(QStringLiteral("PRAGMA synchronous = NORMAL")))
        return fail(readError());

    if (version.toInt() == 0) {
        // Another connection may be creating the same new file: decide under the write lock.
        if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
            return fail(readError());
        version = pragma(QStringLiteral("user_version"));
        QString schemaError;
        if (!version.isValid() || (version.toInt() == 0 && !createSchema(&schemaError))) {
            query.exec(QStringLiteral("ROLLBACK"));
            return fail(schemaError.isEmpty() ? readError() : schemaError);
        }
        if (!query.exec(QStringLiteral("COMMIT")))
            return fail(readError());
    }
    query = QSqlQuery();
    if (version.toInt() == 1) {
        QString upgradeError;
        if (!upgradeFromVersion1(&upgradeError))
            return fail(upgradeError);
    }
    if (version.toInt() == 1 || version.toInt() == 2) {
        QString upgradeError;
        if (!upgradeFromVersion2(&upgradeError))
            return fail(upgradeError);
    }

    {
        // For retention. Not essential: a read-only or busy file works without it, only slower.
        QSqlQuery index(db);
        if (!index.exec(QStringLiteral("CREATE INDEX IF NOT EXISTS chunk_by_start ON chunk(chunk_start_ms)")))
            qWarning("Cache %s: could not create the index for retention: %s", qPrintable(path),
                qPrintable(index.lastError().text()));
    }

    if (!prepareAll(error)) {
        closeDatabase();
        return false;
    }
    open = true;
    return true;
}

bool SampleStore::Impl::moveAsideAndStartAfresh(const QString &damage, QString *error)
{
    const QString stamp = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = path + QLatin1String(".corrupt-") + stamp;
    for (int n = 2; QFileInfo::exists(target); ++n)
        target = path + QLatin1String(".corrupt-") + stamp + QLatin1Char('-') + QString::number(n);
    QFile file(path);
    if (!file.rename(target)) {
        *error = SampleStore::tr("The cache %1 is damaged (%2) and could not be moved aside: %3. It was "
                                 "left unchanged.")
                     .arg(path, damage, file.errorString());
        return false;
    }
    // The journal files belong to the damaged file: they go with it, so that the new cache does
    // not replay them.
    for (const QLatin1String suffix : { QLatin1String("-wal"), QLatin1String("-shm") })
        if (QFileInfo::exists(path + suffix))
            QFile::rename(path + suffix, target + suffix);
    if (!openFile(false, error))
        return false;
    notice = SampleStore::tr("The cache %1 was damaged (%2). It was moved aside to %3, and a new, empty "
                             "cache was started.")
                 .arg(path, damage, target);
    qWarning("%s", qPrintable(notice));
    return true;
}

bool SampleStore::Impl::upgradeFromVersion1(QString *error)
{
    QSqlQuery query(db);
    const auto failed = [&]() {
        *error = SampleStore::tr("The cache %1 could not be upgraded to schema version %2: %3; it was left "
                                 "at version 1.")
                     .arg(path)
                     .arg(2)
                     .arg(query.lastError().text());
        query.exec(QStringLiteral("ROLLBACK"));
        return false;
    };
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failed();
    // Another dashboard may have upgraded it while this one waited for the lock.
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return failed();
    const int version = query.value(0).toInt();
    query.finish();
    if (version == 1) {
        // Version 2 differs only in the encoding of chunk blobs: re-encode every chunk, a page of
        // rows at a time (a statement must not step over rows that the same connection updates).
        QSqlQuery select(db), update(db);
        if (!select.prepare(QStringLiteral("SELECT id, data FROM chunk WHERE id > ? ORDER BY id LIMIT 512"))
            || !update.prepare(QStringLiteral("UPDATE chunk SET data = ? WHERE id = ?")))
            return failed();
        std::vector<double> points(ChunkPoints);
        std::vector<std::pair<qint64, QByteArray>> page;
        qint64 lastId = std::numeric_limits<qint64>::min();
        do {
            page.clear();
            select.bindValue(0, lastId);
            if (!select.exec())
                return failed();
            while (select.next())
                page.emplace_back(select.value(0).toLongLong(), select.value(1).toByteArray());
            select.finish();
            for (auto &[id, data] : page) {
                lastId = id;
                // An unreadable blob is kept as it is; read() skips it as before.
                if (!ChunkCodec::decode(data.constData(), data.size(), points.data(), ChunkPoints)
                    || !ChunkCodec::encode(points.data(), ChunkPoints, &data))
                    continue;
                update.bindValue(0, data);
                update.bindValue(1, id);
                if (!update.exec())
                    return failed();
            }
        } while (!page.empty());
        if (!query.exec(QStringLiteral("PRAGMA user_version = 2")))
            return failed();
    }
    if (!query.exec(QStringLiteral("COMMIT")))
        return failed();
    qInfo("Cache %s: upgraded from schema version 1 to 2", qPrintable(path));

    // Version 1 files did not use incremental auto-vacuum; turning it on takes one VACUUM, which
    // also gives back the space the raw chunks took. Not essential: a busy file is left as it is.
    if (query.exec(QStringLiteral("PRAGMA auto_vacuum")) && query.next() && query.value(0).toInt() != 2) {
        query.finish();
        if (!query.exec(QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"))
            || !query.exec(QStringLiteral("VACUUM")))
            qWarning("Cache %s: could not compact after the upgrade: %s", qPrintable(path),
                qPrintable(query.lastError().text()));
    }
    return true;
}

bool SampleStore::Impl::upgradeFromVersion2(QString *error)
{
    QSqlQuery query(db);
    const auto failed = [&](const QString &why) {
        *error = SampleStore::tr("The cache %1 could not be upgraded to schema version %2: %3; it was left "
                                 "at version 2.")
                     .arg(path)
                     .arg(SampleStore::SchemaVersion)
                     .arg(why);
        query.exec(QStringLiteral("ROLLBACK"));
        return false;
    };
    if (!query.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failed(query.lastError().text());
    // Another dashboard may have upgraded it while this one waited for the lock.
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return failed(query.lastError().text());
    const int version = query.value(0).toInt();
    query.finish();
    if (version == 2) {
        QString why;
        if (!createRollupTable(&why) || !prepareAll(&why))
            return failed(why);
        // Version 3 adds the rollups: built here from every chunk.
        QSqlQuery select(db);
        select.setForwardOnly(true);
        if (!select.exec(QStringLiteral("SELECT series_id, step_ms, chunk_start_ms, data FROM chunk")))
            return failed(select.lastError().text());
        std::vector<double> points(ChunkPoints);
        while (select.next()) {
            const QByteArray data = select.value(3).toByteArray();
            // An unreadable chunk adds nothing; read() skips it as before.
            if (ChunkCodec::decode(data.constData(), data.size(), points.data(), ChunkPoints)
                && !writeTiers(select.value(0).toLongLong(), select.value(1).toLongLong(),
                    select.value(2).toLongLong(), points.data(), &why))
                return failed(why);
        }
        if (select.lastError().isValid())
            return failed(select.lastError().text());
        select.finish();
        if (!query.exec(QStringLiteral("PRAGMA user_version = %1").arg(SampleStore::SchemaVersion)))
            return failed(query.lastError().text());
    }
    if (!query.exec(QStringLiteral("COMMIT")))
        return failed(query.lastError().text());
    qInfo("Cache %s: upgraded to schema version %d", qPrintable(path), SampleStore::SchemaVersion);
    return true;
}

QString SampleStore::notice() const
{
    return d->notice;
}

bool SampleStore::setFileSizeLimit(qint64 bytes, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (!d->open) {
        *error = tr("The cache is not open.");
        return false;
    }
    QSqlQuery query(d->db);
    if (!query.exec(QStringLiteral("PRAGMA page_size")) || !query.next()) {
        *error = d->sqlError(query);
        return false;
    }
    const qint64 pageSize = std::max<qint64>(1, query.value(0).toLongLong());
    query.finish();
    // SQLite's default limit is 2^32 - 2 pages.
    const qint64 pages = bytes > 0 ? std::max<qint64>(1, bytes / pageSize) : 4294967294LL;
    if (!query.exec(QStringLiteral("PRAGMA max_page_count = %1").arg(pages))) {
        *error = d->sqlError(query);
        return false;
    }
    return true;
}

void SampleStore::close()
{
    d->closeDatabase();
}

bool SampleStore::isOpen() const
{
    return d->open;
}

QString SampleStore::path() const
{
    return d->path;
}

bool SampleStore::write(const QueryResult &result, QString *error)
{
    return write(result, result.endMs(), error);
}

bool SampleStore::write(const QueryResult &result, qint64 coveredEndMs, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    if (!d->open) {
        *error = tr("The cache is not open.");
        return false;
    }
    if (result.stepMs <= 0) {
        *error
            = tr("Query %1: only range results (step > 0) are cached, not instant ones.").arg(result.queryId);
        return false;
    }
    if (result.startMs % result.stepMs != 0) {
        *error = tr("Query %1: a result starting at %2 ms is not on the grid of its step (%3 ms); "
                    "only aligned results are cached.")
                     .arg(result.queryId)
                     .arg(result.startMs)
                     .arg(result.stepMs);
        return false;
    }
    const size_t points = size_t(result.pointCount());
    for (const Series &series : result.series) {
        if (series.values.size() != points) {
            *error = tr("Query %1: series %2 has %3 values, expected %4.")
                         .arg(result.queryId, series.name)
                         .arg(series.values.size())
                         .arg(points);
            return false;
        }
    }
    const qint64 coveredEnd = std::max(result.endMs(), alignUp(coveredEndMs, result.stepMs));
    if (coveredEnd <= result.startMs)
        return true;

    if (!d->begin.exec()) {
        *error = d->sqlError(d->begin);
        return false;
    }
    bool ok = true;
    for (const Series &series : result.series) {
        qint64 id = 0;
        ok = d->seriesId(result.queryId, series, &id, error)
            && d->writeSeries(id, result.stepMs, result.startMs, series.values, error);
        if (!ok)
            break;
    }
    ok = ok && d->addCoverage(result.queryId, result.stepMs, result.startMs, coveredEnd, error);
    if (ok && d->commit.exec())
        return true;
    if (ok)
        *error = d->sqlError(d->commit);
    d->rollback.exec();
    // Ids of series inserted in the rolled back transaction are gone.
    d->seriesIds.clear();
    return false;
}

bool SampleStore::Impl::coverageOf(
    const QString &queryId, qint64 stepMs, qint64 start, qint64 end, std::vector<TimeRange> *out)
{
    QSqlQuery &query = selectCoverage;
    query.bindValue(0, queryId);
    query.bindValue(1, stepMs);
    query.bindValue(2, end);
    query.bindValue(3, start);
    if (!query.exec()) {
        qWarning("Cache %s: reading the coverage of %s failed: %s", qPrintable(path), qPrintable(queryId),
            qPrintable(query.lastError().text()));
        return false;
    }
    while (query.next())
        out->push_back(
            { std::max(start, query.value(0).toLongLong()), std::min(end, query.value(1).toLongLong()) });
    query.finish();
    return true;
}

// The finer steps of the query whose tiers can answer grid points of stepMs in [start, end), finest
// first: for each, the coarsest of its tiers that divides stepMs, and its coverage as whole grid
// steps (a grid point is answered only when every sample of its step is covered).
std::vector<SampleStore::Impl::RollupSource> SampleStore::Impl::rollupSources(
    const QString &queryId, qint64 stepMs, qint64 start, qint64 end)
{
    std::vector<RollupSource> sources;
    if (stepMs < RollupTiers[0])
        return sources;
    std::vector<qint64> steps;
    coveredSteps.bindValue(0, queryId);
    coveredSteps.bindValue(1, stepMs);
    if (!coveredSteps.exec())
        return sources;
    while (coveredSteps.next())
        steps.push_back(coveredSteps.value(0).toLongLong());
    coveredSteps.finish();
    for (const qint64 step : steps) {
        qint64 tier = 0;
        for (const qint64 t : RollupTiers)
            if (tierBuiltFrom(t, step) && t <= stepMs && stepMs % t == 0)
                tier = t;
        if (tier == 0)
            continue;
        std::vector<TimeRange> covered;
        if (!coverageOf(queryId, step, start, end, &covered))
            continue;
        RollupSource source { step, tier, {} };
        for (const TimeRange &range : covered) {
            const TimeRange whole { alignUp(range.startMs, stepMs), alignDown(range.endMs, stepMs) };
            if (whole.startMs < whole.endMs)
                source.covered.push_back(whole);
        }
        if (!source.covered.empty())
            sources.push_back(std::move(source));
    }
    return sources;
}

// Fills the grid points of result that finer steps' tiers cover with the mean, min and max of their
// samples; the finest step that covers a point answers it. A point no tier covers keeps the value
// of the result's own step (its min and max equal to it).
void SampleStore::Impl::answerFromRollups(
    const QString &queryId, qint64 start, qint64 end, QueryResult *result, std::map<qint64, size_t> *indexOf)
{
    const qint64 step = result->stepMs;
    const std::vector<RollupSource> sources = rollupSources(queryId, step, start, end);
    if (sources.empty())
        return;
    const size_t count = size_t((end - start) / step);
    std::vector<qint8> answeredBy(count, -1);
    for (size_t i = 0; i < sources.size(); ++i)
        for (const TimeRange &range : sources[i].covered)
            for (size_t k = size_t((range.startMs - start) / step); k < size_t((range.endMs - start) / step);
                 ++k)
                if (answeredBy[k] < 0)
                    answeredBy[k] = qint8(i);

    struct Totals
    {
        std::vector<double> count, min, max, sum;
    };
    std::vector<Totals> totals; // parallel to result->series
    std::vector<double> counts(ChunkPoints), mins(ChunkPoints), maxs(ChunkPoints), sums(ChunkPoints);
    for (size_t i = 0; i < sources.size(); ++i) {
        const RollupSource &source = sources[i];
        const qint64 chunkSpan = source.stepMs * ChunkPoints;
        const int bucketCount = int(chunkSpan / source.tierMs);
        const qint64 from = source.covered.front().startMs;
        const qint64 to = source.covered.back().endMs;
        readRollups.bindValue(0, queryId);
        readRollups.bindValue(1, source.stepMs);
        readRollups.bindValue(2, source.tierMs);
        readRollups.bindValue(3, alignDown(from, chunkSpan));
        readRollups.bindValue(4, to);
        if (!readRollups.exec()) {
            qWarning("Cache %s: reading the rollups of %s failed: %s", qPrintable(path), qPrintable(queryId),
                qPrintable(readRollups.lastError().text()));
            continue;
        }
        while (readRollups.next()) {
            const size_t index = seriesIndex(readRollups, count, result, indexOf);
            if (totals.size() <= index)
                totals.resize(index + 1);
            Totals &t = totals[index];
            const qint64 chunkStart = readRollups.value(3).toLongLong();
            const QByteArray data = readRollups.value(4).toByteArray();
            if (!ChunkCodec::decodeAggregates(data.constData(), data.size(), counts.data(), mins.data(),
                    maxs.data(), sums.data(), bucketCount)) {
                qWarning("Cache %s: skipping an unreadable rollup chunk of %s", qPrintable(path),
                    qPrintable(queryId));
                continue;
            }
            if (t.count.empty()) {
                t.count.assign(count, 0);
                t.sum.assign(count, 0);
                t.min.assign(count, std::numeric_limits<double>::infinity());
                t.max.assign(count, -std::numeric_limits<double>::infinity());
            }
            for (int b = 0; b < bucketCount; ++b) {
                const qint64 at = chunkStart + b * source.tierMs;
                if (std::isnan(counts[size_t(b)]) || at < from || at >= to)
                    continue;
                const size_t k = size_t((at - start) / step);
                if (answeredBy[k] != qint8(i))
                    continue;
                t.count[k] += counts[size_t(b)];
                t.sum[k] += sums[size_t(b)];
                t.min[k] = std::min(t.min[k], mins[size_t(b)]);
                t.max[k] = std::max(t.max[k], maxs[size_t(b)]);
            }
        }
        readRollups.finish();
    }
    for (size_t index = 0; index < totals.size(); ++index) {
        const Totals &t = totals[index];
        if (t.count.empty())
            continue;
        Series &series = result->series[index];
        series.minValues = series.values;
        series.maxValues = series.values;
        for (size_t k = 0; k < count; ++k) {
            if (t.count[k] == 0)
                continue;
            series.values[k] = t.sum[k] / t.count[k];
            series.minValues[k] = t.min[k];
            series.maxValues[k] = t.max[k];
        }
    }
}

QueryResult SampleStore::read(const QueryRequest &request) const
{
    QueryResult result;
    result.queryId = request.queryId;
    result.startMs = request.startMs;
    result.stepMs = request.stepMs;
    if (request.isInstant() || request.stepMs < 0)
        return result;
    const qint64 step = request.stepMs;
    const qint64 start = alignUp(request.startMs, step);
    const qint64 end = alignUp(request.endMs, step);
    result.startMs = start;
    if (!d->open || end <= start)
        return result;
    const qint64 count = (end - start) / step;
    const qint64 span = step * ChunkPoints;

    // Series by id: the step's own chunks and the tiers of finer steps fill the same series.
    std::map<qint64, size_t> indexOf;

    QSqlQuery &query = d->readChunks;
    query.bindValue(0, request.queryId);
    query.bindValue(1, step);
    query.bindValue(2, floorDiv(start, span) * span);
    query.bindValue(3, end);
    if (!query.exec()) {
        qWarning("Cache %s: reading %s failed: %s", qPrintable(d->path), qPrintable(request.queryId),
            qPrintable(query.lastError().text()));
        return result;
    }
    while (query.next()) {
        double *out = result.series[seriesIndex(query, size_t(count), &result, &indexOf)].values.data();
        const qint64 chunkStart = query.value(3).toLongLong();
        const QByteArray data = query.value(4).toByteArray();
        // Point k of the chunk is point k + offset of the request.
        const qint64 offset = (chunkStart - start) / step;
        const bool inside = offset >= 0 && offset + ChunkPoints <= count;
        double *target = inside ? out + offset : d->chunkBuffer.data();
        if (!ChunkCodec::decode(data.constData(), data.size(), target, ChunkPoints)) {
            qWarning("Cache %s: skipping an unreadable chunk of %s", qPrintable(d->path),
                qPrintable(request.queryId));
            if (inside)
                std::fill_n(target, ChunkPoints, nan());
            continue;
        }
        if (!inside) {
            const qint64 from = std::max<qint64>(0, -offset);
            const qint64 to = std::min<qint64>(ChunkPoints, count - offset);
            if (from < to)
                std::copy(target + from, target + to, out + from + offset);
        }
    }
    query.finish();

    d->answerFromRollups(request.queryId, start, end, &result, &indexOf);

    // Series whose chunks hold only gaps inside the requested range are not part of the answer.
    std::erase_if(result.series, [](const Series &series) {
        return std::all_of(
            series.values.begin(), series.values.end(), [](double v) { return std::isnan(v); });
    });
    // SQLite orders names by UTF-8 bytes; the contract is QString order.
    std::stable_sort(result.series.begin(), result.series.end(),
        [](const Series &a, const Series &b) { return a.name < b.name; });
    return result;
}

std::vector<TimeRange> SampleStore::missing(const QueryRequest &request) const
{
    if (request.isInstant())
        return { TimeRange { request.startMs, request.startMs + 1 } };
    if (request.stepMs < 0)
        return {};
    const qint64 step = request.stepMs;
    const qint64 start = alignUp(request.startMs, step);
    const qint64 end = alignUp(request.endMs, step);
    if (end <= start)
        return {};
    if (!d->open)
        return { TimeRange { start, end } };

    // Covered at the step itself, or by the tier of a finer step.
    std::vector<TimeRange> covered;
    if (!d->coverageOf(request.queryId, step, start, end, &covered))
        return { TimeRange { start, end } };
    for (const Impl::RollupSource &source : d->rollupSources(request.queryId, step, start, end))
        covered.insert(covered.end(), source.covered.begin(), source.covered.end());
    std::sort(covered.begin(), covered.end(),
        [](const TimeRange &a, const TimeRange &b) { return a.startMs < b.startMs; });

    std::vector<TimeRange> gaps;
    qint64 cursor = start;
    for (const TimeRange &range : covered) {
        if (range.startMs > cursor)
            gaps.push_back({ cursor, range.startMs });
        cursor = std::max(cursor, range.endMs);
    }
    if (cursor < end)
        gaps.push_back({ cursor, end });
    return gaps;
}

qint64 SampleStore::coveredUntil(const QString &queryId, qint64 stepMs) const
{
    if (!d->open)
        return 0;
    QSqlQuery &query = d->maxCoverage;
    query.bindValue(0, queryId);
    query.bindValue(1, stepMs);
    if (!query.exec() || !query.next())
        return 0;
    const qint64 until = query.value(0).toLongLong();
    query.finish();
    return until;
}

bool SampleStore::Impl::pageCounts(qint64 *pages, qint64 *freePages, qint64 *pageSize, QString *error)
{
    QSqlQuery query(db);
    const auto value = [&](const char *pragma, qint64 *out) {
        if (!query.exec(QLatin1String("PRAGMA ") + QLatin1String(pragma)) || !query.next()) {
            *error = sqlError(query);
            return false;
        }
        *out = query.value(0).toLongLong();
        query.finish();
        return true;
    };
    return value("page_count", pages) && value("freelist_count", freePages) && value("page_size", pageSize);
}

// Coverage of the query at the step no longer claims anything before cutMs.
bool SampleStore::Impl::cutCoverage(const QString &queryId, qint64 stepMs, qint64 cutMs, QString *error)
{
    QSqlQuery query(db);
    if (!query.prepare(
            QStringLiteral("DELETE FROM coverage WHERE query_id = ? AND step_ms = ? AND end_ms <= ?")))
        return *error = sqlError(query), false;
    query.addBindValue(queryId);
    query.addBindValue(stepMs);
    query.addBindValue(cutMs);
    if (!query.exec())
        return *error = sqlError(query), false;
    // Intervals are disjoint: at most one straddles the cut, and none starts at it.
    if (!query.prepare(QStringLiteral("UPDATE coverage SET start_ms = ? WHERE query_id = ? AND step_ms = ? "
                                      "AND start_ms < ? AND end_ms > ?")))
        return *error = sqlError(query), false;
    query.addBindValue(cutMs);
    query.addBindValue(queryId);
    query.addBindValue(stepMs);
    query.addBindValue(cutMs);
    query.addBindValue(cutMs);
    if (!query.exec())
        return *error = sqlError(query), false;
    // The rollup chunks of the step's chunks before the cut (those deleted, or never stored).
    if (!query.prepare(
            QStringLiteral("DELETE FROM rollup WHERE step_ms = ? AND chunk_start_ms + step_ms * %1 <= ? "
                           "AND series_id IN (SELECT id FROM series WHERE query_id = ?)")
                .arg(ChunkPoints)))
        return *error = sqlError(query), false;
    query.addBindValue(stepMs);
    query.addBindValue(cutMs);
    query.addBindValue(queryId);
    if (!query.exec())
        return *error = sqlError(query), false;
    return true;
}

// One transaction: deletes up to limit chunks with the oldest start (only those whose span ends by
// beforeEndMs, unless that is NoEndLimit) and cuts the coverage of each (query, step) they belonged to at
// the end of the newest of them.
bool SampleStore::Impl::deleteOldestChunks(
    qint64 beforeEndMs, int limit, qint64 *deleted, qint64 *deletedUntilMs, QString *error)
{
    *deleted = 0;
    if (!begin.exec())
        return *error = sqlError(begin), false;
    QSqlQuery select(db), remove(db);
    const QString where = beforeEndMs != NoEndLimit
        ? QStringLiteral("WHERE c.chunk_start_ms < :before AND c.chunk_start_ms + c.step_ms * %1 <= :before ")
              .arg(ChunkPoints)
        : QString();
    bool ok
        = select.prepare(QStringLiteral("SELECT c.id, s.query_id, c.step_ms, c.chunk_start_ms FROM chunk c "
                                        "JOIN series s ON s.id = c.series_id ")
              + where + QStringLiteral("ORDER BY c.chunk_start_ms, c.id LIMIT :limit"))
        && remove.prepare(QStringLiteral("DELETE FROM chunk WHERE id = ?"));
    if (ok) {
        if (beforeEndMs != NoEndLimit)
            select.bindValue(QStringLiteral(":before"), beforeEndMs);
        select.bindValue(QStringLiteral(":limit"), limit);
        ok = select.exec();
    }
    std::vector<qint64> ids;
    // (query, step) -> end of the newest chunk deleted.
    std::map<std::pair<QString, qint64>, qint64> cuts;
    while (ok && select.next()) {
        ids.push_back(select.value(0).toLongLong());
        const qint64 step = select.value(2).toLongLong();
        const qint64 end = select.value(3).toLongLong() + step * ChunkPoints;
        qint64 &cut = cuts[{ select.value(1).toString(), step }];
        cut = std::max(cut, end);
        *deletedUntilMs = std::max(*deletedUntilMs, end);
    }
    if (!ok)
        *error = sqlError(select);
    select.finish();
    for (size_t i = 0; ok && i < ids.size(); ++i) {
        remove.bindValue(0, ids[i]);
        if (!(ok = remove.exec()))
            *error = sqlError(remove);
    }
    for (auto it = cuts.begin(); ok && it != cuts.end(); ++it)
        ok = cutCoverage(it->first.first, it->first.second, it->second, error);
    if (ok && commit.exec()) {
        *deleted = qint64(ids.size());
        return true;
    }
    if (ok)
        *error = sqlError(commit);
    rollback.exec();
    return false;
}

bool SampleStore::applyRetention(
    const RetentionPolicy &policy, qint64 nowMs, RetentionReport *report, QString *error)
{
    if (!startRetention(policy, nowMs, error))
        return false;
    bool done = false;
    while (!done)
        if (!continueRetention(&done, report, error))
            return false;
    return true;
}

bool SampleStore::startRetention(const RetentionPolicy &policy, qint64 nowMs, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    d->retention.reset();
    if (!d->open) {
        *error = tr("The cache is not open.");
        return false;
    }
    Impl::RetentionRun run;
    run.policy = policy;
    run.nowMs = nowMs;
    qint64 pages = 0, freePages = 0, pageSize = 0;
    if (!d->pageCounts(&pages, &freePages, &pageSize, error))
        return false;
    run.report.bytesBefore = pages * pageSize;
    run.phase = policy.maxAgeMs > 0 ? Impl::RetentionRun::Age
        : policy.maxBytes > 0       ? Impl::RetentionRun::Size
                                    : Impl::RetentionRun::Vacuum;
    d->retention = run;
    return true;
}

bool SampleStore::isRetentionRunning() const
{
    return d->retention.has_value();
}

bool SampleStore::continueRetention(bool *done, RetentionReport *report, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    *done = true;
    if (!d->retention) {
        *error = tr("No retention run was started.");
        return false;
    }
    if (!d->open) {
        d->retention.reset();
        *error = tr("The cache is not open.");
        return false;
    }
    Impl::RetentionRun &run = *d->retention;
    const bool ok = d->retentionStep(&run, error);
    if (report)
        *report = run.report;
    if (!ok || run.phase == Impl::RetentionRun::Done) {
        d->retention.reset();
        return ok;
    }
    *done = false;
    return true;
}

// One step of a retention run: one transaction of deletions, or one incremental vacuum step.
bool SampleStore::Impl::retentionStep(RetentionRun *run, QString *error)
{
    constexpr int BatchChunks = 500;
    constexpr int VacuumPagesPerStep = 256;
    RetentionReport &report = run->report;
    const RetentionPolicy &policy = run->policy;
    qint64 pages = 0, freePages = 0, pageSize = 0;
    const auto afterAge
        = [&] { run->phase = policy.maxBytes > 0 ? RetentionRun::Size : RetentionRun::Vacuum; };

    switch (run->phase) {
    case RetentionRun::Age: {
        qint64 deleted = 0, until = 0;
        if (!deleteOldestChunks(run->nowMs - policy.maxAgeMs, BatchChunks, &deleted, &until, error))
            return false;
        report.chunksDeletedForAge += deleted;
        if (deleted == 0)
            run->phase = RetentionRun::AgeCoverage;
        return true;
    }
    case RetentionRun::AgeCoverage: {
        // Coverage of ranges that held no chunks (answers with no series) goes too, cut at the
        // start of the chunk span that holds the cutoff: every chunk before it was deleted.
        const qint64 cutoff = run->nowMs - policy.maxAgeMs;
        QSqlQuery pairs(db);
        std::vector<std::pair<QString, qint64>> stale;
        if (!pairs.prepare(
                QStringLiteral("SELECT DISTINCT query_id, step_ms FROM coverage WHERE start_ms < ?")))
            return *error = sqlError(pairs), false;
        pairs.addBindValue(cutoff);
        if (!pairs.exec())
            return *error = sqlError(pairs), false;
        while (pairs.next())
            stale.emplace_back(pairs.value(0).toString(), pairs.value(1).toLongLong());
        pairs.finish();
        if (!stale.empty()) {
            if (!begin.exec())
                return *error = sqlError(begin), false;
            bool ok = true;
            for (size_t i = 0; ok && i < stale.size(); ++i) {
                const qint64 span = stale[i].second * ChunkPoints;
                if (span > 0)
                    ok = cutCoverage(stale[i].first, stale[i].second, floorDiv(cutoff, span) * span, error);
            }
            if (ok && !commit.exec()) {
                *error = sqlError(commit);
                ok = false;
            }
            if (!ok) {
                rollback.exec();
                return false;
            }
        }
        afterAge();
        return true;
    }
    case RetentionRun::Size: {
        if (!pageCounts(&pages, &freePages, &pageSize, error))
            return false;
        const qint64 used = (pages - freePages) * pageSize;
        QSqlQuery count(db);
        if (!count.exec(QStringLiteral("SELECT count(*) FROM chunk")) || !count.next())
            return *error = sqlError(count), false;
        const qint64 chunks = count.value(0).toLongLong();
        count.finish();
        if (used <= policy.maxBytes || chunks == 0) {
            run->phase = RetentionRun::Vacuum;
            return true;
        }
        // About as many chunks as hold the excess (the other tables make this an underestimate).
        const qint64 perChunk = std::max<qint64>(1, used / chunks);
        const int limit
            = int(std::clamp<qint64>((used - policy.maxBytes + perChunk - 1) / perChunk, 1, BatchChunks));
        qint64 deleted = 0;
        if (!deleteOldestChunks(NoEndLimit, limit, &deleted, &report.deletedForSizeUntilMs, error))
            return false;
        report.chunksDeletedForSize += deleted;
        if (deleted == 0)
            run->phase = RetentionRun::Vacuum;
        return true;
    }
    case RetentionRun::Vacuum: {
        // Gives the free pages back in steps, each its own short transaction.
        if (!pageCounts(&pages, &freePages, &pageSize, error))
            return false;
        QSqlQuery vacuum(db);
        if (!run->vacuumChecked) {
            run->vacuumChecked = true;
            if (freePages > 0 && vacuum.exec(QStringLiteral("PRAGMA auto_vacuum")) && vacuum.next()
                && vacuum.value(0).toInt() != 2) {
                // Files created before auto-vacuum was really turned on (the pragma came after WAL
                // mode, which had already written the header): one full VACUUM converts them, once.
                vacuum.finish();
                qInfo("Cache %s: converting to incremental auto-vacuum", qPrintable(path));
                if (!vacuum.exec(QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL"))
                    || !vacuum.exec(QStringLiteral("VACUUM")))
                    qWarning("Cache %s: could not compact: %s", qPrintable(path),
                        qPrintable(vacuum.lastError().text()));
                return true;
            }
            vacuum.finish();
        }
        if (freePages > 0) {
            if (!vacuum.exec(QStringLiteral("PRAGMA incremental_vacuum(%1)").arg(VacuumPagesPerStep)))
                return *error = sqlError(vacuum), false;
            // Each page freed is a result row: stepping through them is what frees them.
            while (vacuum.next()) { }
            vacuum.finish();
            const qint64 before = freePages;
            if (!pageCounts(&pages, &freePages, &pageSize, error))
                return false;
            // Not incremental auto-vacuum (e.g. a file another build created without it): stop.
            if (freePages > 0 && freePages < before)
                return true;
        }
        // With WAL the file shrinks when the log is copied back; PASSIVE never waits for readers.
        if (path != QLatin1String(":memory:"))
            vacuum.exec(QStringLiteral("PRAGMA wal_checkpoint(PASSIVE)"));
        vacuum.finish();
        if (!pageCounts(&pages, &freePages, &pageSize, error))
            return false;
        report.bytesAfter = pages * pageSize;
        run->phase = RetentionRun::Done;
        return true;
    }
    case RetentionRun::Done:
        return true;
    }
    return true;
}
