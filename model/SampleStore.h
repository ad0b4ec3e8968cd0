#pragma once

#include "QueryResult.h"

#include <QCoreApplication>
#include <QString>

#include <vector>

// A half-open span of time [startMs, endMs).
struct TimeRange
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    friend bool operator==(const TimeRange &, const TimeRange &) = default;
};

// How much the cache keeps (SampleStore::applyRetention). 0 or less lifts a limit.
struct RetentionPolicy
{
    static constexpr qint64 DefaultMaxAgeMs = 400LL * 24 * 3600 * 1000;
    static constexpr qint64 DefaultMaxBytes = 2048LL * 1024 * 1024;
    qint64 maxAgeMs = DefaultMaxAgeMs; // chunks whose whole span is older than this are deleted
    qint64 maxBytes = DefaultMaxBytes; // file size (pages in use), oldest chunks deleted first
    friend bool operator==(const RetentionPolicy &, const RetentionPolicy &) = default;
};

struct RetentionReport
{
    qint64 chunksDeletedForAge = 0;
    qint64 chunksDeletedForSize = 0;
    // Data before this time was deleted to keep under maxBytes; 0 when none was.
    qint64 deletedForSizeUntilMs = 0;
    // The file as SQLite sees it (page_count x page_size), before and after giving space back.
    qint64 bytesBefore = 0;
    qint64 bytesAfter = 0;
    qint64 chunksDeleted() const { return chunksDeletedForAge + chunksDeletedForSize; }
};

// The SQLite cache of query results. Synchronous and single-threaded: CacheService runs it on a
// worker thread. Values are kept per (query, series, step) in chunks of regular-step samples, and a
// coverage table records which ranges have been fetched at which step, so that a refresh asks the
// source only for what is missing.
//
// The grid of a step is anchored at the epoch: its points are the multiples of stepMs. Results are
// cached only when their startMs is on that grid (write() refuses others). A request whose bounds
// are not on the grid is served for the grid points inside [startMs, endMs): both bounds are
// aligned up to the next multiple of stepMs, so read() may return a later startMs than asked.
// Series that a write does not mention keep their stored values in its range.
//
// Rollups: every write also keeps tiers of 5 min and 1 h buckets (count, min, max and sum of the
// samples) of the steps that divide them (5 s to 1 min for 5 min, 5 s to 30 min for 1 h). A read at
// a coarser step that is a multiple of a tier (e.g. 30 min for a 30-day view, 6 h for a year) answers
// its grid points from the finest covered step's tier where that step covers the whole grid step:
// the value is then the mean over [t, t + step), with minValues and maxValues filled (Series). Such
// points count as covered in missing(), so a coarse view over finely cached data asks the source for
// nothing. Elsewhere the step's own samples answer, as before.
class SampleStore
{
    Q_DECLARE_TR_FUNCTIONS(SampleStore)
public:
    static constexpr int SchemaVersion = 3;

    // connectionName must be unique per open store (QSqlDatabase connections are named).
    explicit SampleStore(const QString &connectionName);
    ~SampleStore();
    SampleStore(const SampleStore &) = delete;
    SampleStore &operator=(const SampleStore &) = delete;

    // Opens or creates the cache at path; ":memory:" gives a private in-memory cache.
    // On failure returns false with *error naming the file and what was wrong; nothing is deleted.
    // A cache of an older schema version is upgraded in place; one of a newer version is refused.
    // A cache of ours that fails SQLite's quick_check is moved aside to
    // "<path>.corrupt-YYYYMMDD-HHMMSS" and a new one created; notice() then says so.
    bool open(const QString &path, QString *error);
    // What the last open() did that the user should be told of; empty when nothing.
    QString notice() const;
    void close();
    bool isOpen() const;
    QString path() const;

    // Stores the values of a range result (stepMs > 0) and marks [startMs, endMs()) covered at its step,
    // in one transaction: after a crash either all of it is stored or none.
    // NaN values are stored as gaps. Values already stored for the same timestamps are replaced.
    // When the disk is full, fails with an error that says so and leaves the stored data as it was.
    bool write(const QueryResult &result, QString *error);
    // The same, marking [startMs, coveredEndMs) covered (aligned up to the step) when that is longer
    // than the result: an answer with no series still tells that the range holds nothing.
    bool write(const QueryResult &result, qint64 coveredEndMs, QString *error);
    // The request's grid filled from the cache: one series per series stored with data in the range,
    // NaN where nothing is stored. Series are ordered by name.
    QueryResult read(const QueryRequest &request) const;
    // The parts of the request's range not covered at its step, aligned to the step, in time order.
    std::vector<TimeRange> missing(const QueryRequest &request) const;
    // End of the newest covered range of the query at the step; 0 when nothing is covered.
    qint64 coveredUntil(const QString &queryId, qint64 stepMs) const;

    // Caps the file at about bytes: writes that would grow it further fail as on a full disk
    // (0 lifts the cap). Lasts until close().
    bool setFileSizeLimit(qint64 bytes, QString *error);

    // Deletes chunks whose whole span ended before nowMs - maxAgeMs; then, while the pages in use
    // exceed maxBytes, the chunks with the oldest start (across all queries, series and steps).
    // Deletes in transactions of at most 500 chunks, each cutting the coverage of the (query, step)
    // it deleted from so that missing() reports the deleted ranges again; then gives the freed
    // pages back to the file system with incremental vacuum steps. report may be null.
    // On failure, what was deleted by committed batches stays deleted and coverage stays true.
    bool applyRetention(const RetentionPolicy &policy, qint64 nowMs, RetentionReport *report, QString *error);
    // The same run in steps, so that a caller can serve reads and writes between them: start, then
    // call continueRetention() until *done. Each step is one transaction of at most 500 chunks or
    // one incremental vacuum step (a few ms); writes between steps are fine. report holds the run's
    // figures so far (final once *done). A failed step ends the run; so do close() and a new start.
    bool startRetention(const RetentionPolicy &policy, qint64 nowMs, QString *error);
    bool continueRetention(bool *done, RetentionReport *report, QString *error);
    bool isRetentionRunning() const;

private:
    struct Impl;
    Impl *d;
};
