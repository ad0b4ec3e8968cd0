#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <cmath>
#include <map>
#include <vector>

// Timestamps throughout the project are milliseconds since the Unix epoch, UTC.

// What a panel asks for: one catalogue query over [startMs, endMs) on a regular grid.
// A range request has stepMs > 0 and yields the points startMs, startMs + stepMs, ... < endMs.
// An instant request has stepMs == 0 and yields one point at startMs.
struct QueryRequest
{
    QString queryId;
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 stepMs = 0;

    bool isInstant() const { return stepMs == 0; }
    // Number of grid points the request covers.
    int pointCount() const
    {
        if (isInstant())
            return 1;
        return endMs > startMs ? int((endMs - startMs + stepMs - 1) / stepMs) : 0;
    }
    friend bool operator==(const QueryRequest &, const QueryRequest &) = default;
};

// One series of a query result: a legend name, its labels, and one value per grid point.
// NaN marks a gap (no sample), never zero.
//
// A result read from the cache's rollups (SampleStore) has a mean per grid point, over the step
// that starts there, and also the minimum and maximum of the samples behind it: minValues and
// maxValues are then as long as values (where a point is a plain sample, both equal it), and empty
// otherwise. They are what keeps a short spike visible when a long range is drawn at a coarse step.
struct Series
{
    QString name;
    std::map<QString, QString> labels;
    std::vector<double> values;
    std::vector<double> minValues = {};
    std::vector<double> maxValues = {};

    bool hasRange() const { return !minValues.empty(); }

    friend bool operator==(const Series &, const Series &) = default;
};

// The answer to a QueryRequest: every series has exactly pointCount() values, the i-th at
// startMs + i * stepMs (for an instant result, one value at startMs).
struct QueryResult
{
    QString queryId;
    qint64 startMs = 0;
    qint64 stepMs = 0;
    std::vector<Series> series;
    QStringList warnings;

    int pointCount() const { return series.empty() ? 0 : int(series.front().values.size()); }
    qint64 timestampAt(int index) const { return startMs + qint64(index) * stepMs; }
    // One past the last grid point, so that [startMs, endMs()) is the covered range.
    qint64 endMs() const { return startMs + qint64(pointCount()) * (stepMs > 0 ? stepMs : 1); }
    const Series *findSeries(const QString &name) const
    {
        for (const Series &s : series)
            if (s.name == name)
                return &s;
        return nullptr;
    }
};

// Why a source could not answer; the message names what went wrong and is shown to the user.
struct SourceError
{
    enum class Kind { Unreachable, Timeout, BadResponse, ServerError, Unsupported };
    Kind kind = Kind::BadResponse;
    QString message;
};

Q_DECLARE_METATYPE(QueryRequest)
Q_DECLARE_METATYPE(QueryResult)
Q_DECLARE_METATYPE(SourceError)
