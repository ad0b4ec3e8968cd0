#include "ExportRunner.h"

#include "CacheService.h"
#include "CapacitySummary.h"
#include "ChartExporter.h"
#include "ChartPanel.h"
#include "CsvWriter.h"
#include "Dashboard.h"
#include "MetricSource.h"
#include "QueryCatalogue.h"
#include "RefreshController.h"
#include "ReportBuilder.h"
#include "ReportWriter.h"
#include "Roadmap.h"
#include "TimeSeriesModel.h"
#include "ViewRange.h"

#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QNetworkAccessManager>

ExportRunner::ExportRunner(const DashboardOptions &options, const ExportOptions &exportOptions,
    const DashboardConfig &config, std::unique_ptr<MetricSource> source, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_export(exportOptions)
    , m_config(config)
    , m_network(new QNetworkAccessManager(this))
    , m_source(source ? std::move(source) : Dashboard::createSource(options, config, m_network))
{ }

ExportRunner::~ExportRunner()
{
    if (m_controller)
        m_controller->stop();
}

QStringList ExportRunner::knownQueryIds(const DashboardConfig &config)
{
    QStringList ids = QueryCatalogue::builtIn().ids();
    for (const auto &[id, promql] : config.promqlOverrides)
        if (!ids.contains(id))
            ids.append(id);
    ids.sort();
    return ids;
}

void ExportRunner::start()
{
    if (m_export.kind != ExportOptions::Kind::Report) {
        const QStringList known = knownQueryIds(m_config);
        if (!known.contains(m_export.id)) {
            finish(2,
                tr("Unknown query id '%1': expected one of %2.")
                    .arg(m_export.id, known.join(QLatin1String(", "))));
            return;
        }
        m_queryIds = { m_export.id };
    } else {
        m_queryIds = ReportBuilder::queryIds();
    }

    const QString cachePath
        = m_options.cachePath.isEmpty() ? Dashboard::defaultCachePath(*m_source) : m_options.cachePath;
    QDir().mkpath(QFileInfo(cachePath).absolutePath());
    m_cache = new CacheService(this);
    connect(m_cache, &CacheService::opened, this, [this](const QString &path, bool ok, const QString &error) {
        if (ok || path == QLatin1String(":memory:"))
            return;
        // Exporting needs no lasting cache: the data is fetched into memory instead.
        m_message(tr("%1 Using a temporary in-memory cache.").arg(error));
        m_cache->open(QStringLiteral(":memory:"));
    });
    m_cache->open(cachePath);

    m_controller = new RefreshController(m_source.get(), m_cache, this);
    const qint64 length = ViewRange::presetLengthMs(
        ViewRange::presetFromString(m_options.range.isEmpty() ? QStringLiteral("24h") : m_options.range));
    m_controller->setRangeQueries(m_queryIds);
    m_controller->setWindow(length, ViewRange::stepFor(length));
    connect(m_controller, &RefreshController::rangeResultReady, this,
        [this](const QueryResult &result) { m_results[result.queryId] = result; });
    connect(m_controller, &RefreshController::fetchProgress, this, [this](qint64 done, qint64 total) {
        if (total <= 0)
            return;
        const int percent = int(100 * done / total);
        // Every tenth: a progress line per answer would flood a cron mail.
        if (percent / 10 != m_lastPercent / 10 || percent == 100) {
            m_lastPercent = percent;
            m_message(tr("Fetching from %1: %2%").arg(m_source->displayName()).arg(percent));
        }
    });
    if (m_export.kind == ExportOptions::Kind::Report) {
        const QStringList roadmapIds = ReportBuilder::roadmapQueryIds();
        const QueryRequest roadmap
            = CapacitySummary::roadmapRequest(roadmapIds.constFirst(), Roadmap::builtIn(), m_source->nowMs());
        m_controller->setFixedWindow(QStringLiteral("roadmap"), roadmapIds, roadmap.startMs, roadmap.stepMs);
        connect(m_controller, &RefreshController::fixedWindowResultReady, this,
            [this](
                const QString &, const QueryResult &result) { m_roadmapResults[result.queryId] = result; });
        m_healthOver = false;
        m_controller->setHealthEnabled(true);
        connect(m_controller, &RefreshController::alertsReady, this,
            [this](const std::vector<PrometheusAlert> &alerts) {
                m_alerts = alerts;
                m_healthOver = true;
                writeWhenComplete();
            });
        connect(m_controller, &RefreshController::healthFailed, this, [this](const QString &message) {
            m_message(tr("Warning: the alerts could not be read (%1).").arg(message));
            m_healthOver = true;
            writeWhenComplete();
        });
    }
    connect(m_controller, &RefreshController::refreshSucceeded, this, [this] { onRoundOver({}); });
    connect(m_controller, &RefreshController::sourceFailed, this,
        [this](const QString &message, qint64) { onRoundOver(message); });
    connect(m_controller, &RefreshController::cacheError, this,
        [this](const QString &message) { m_message(message); });
    m_message(tr("Reading %1 over the last %2 from %3")
                  .arg(m_queryIds.join(QLatin1String(", ")),
                      ViewRange::presetLabel(ViewRange::presetFromString(
                          m_options.range.isEmpty() ? QStringLiteral("24h") : m_options.range)),
                      m_source->displayName()));
    m_controller->refreshNow();
}

void ExportRunner::onRoundOver(const QString &failure)
{
    m_failure = failure;
    const bool anyData = std::any_of(m_results.begin(), m_results.end(), [](const auto &entry) {
        for (const Series &series : entry.second.series)
            for (double v : series.values)
                if (!std::isnan(v))
                    return true;
        return false;
    });
    if (!failure.isEmpty()) {
        if (!anyData) {
            finish(1,
                tr("Nothing written: %1 could not be read (%2) and the cache holds no data for this range.")
                    .arg(m_source->displayName(), failure));
            return;
        }
        m_message(tr("Warning: %1 could not be read (%2); writing what the cache holds.")
                      .arg(m_source->displayName(), failure));
    } else if (!anyData) {
        finish(1,
            tr("Nothing written: %1 has no data for %2 in this range.")
                .arg(m_source->displayName(), m_queryIds.join(QLatin1String(", "))));
        return;
    }
    m_roundOver = true;
    writeWhenComplete();
}

void ExportRunner::writeWhenComplete()
{
    if (!m_roundOver || !m_healthOver || m_exitCode >= 0)
        return;
    m_controller->stop();
    write();
}

void ExportRunner::write()
{
    QString error;
    switch (m_export.kind) {
    case ExportOptions::Kind::Csv: {
        const QueryResult &result = m_results[m_export.id];
        const QByteArray csv = CsvWriter::fromResult(
            result, QueryCatalogue::unitOf(m_export.id), CsvOptions { m_export.byteOrderMark });
        if (!CsvWriter::writeFile(m_export.output, csv, &error)) {
            finish(1, error);
            return;
        }
        finish(0,
            tr("Wrote %1 (%n rows)", nullptr, result.pointCount())
                .arg(QDir::toNativeSeparators(m_export.output)));
        return;
    }
    case ExportOptions::Kind::Chart: {
        const QueryResult &result = m_results[m_export.id];
        const QString unit = QueryCatalogue::unitOf(m_export.id);
        TimeSeriesModel model(m_export.id, unit);
        model.setResult(result);
        ChartPanel chart;
        chart.setTitle(tr("%1, %2").arg(QueryCatalogue::title(m_export.id), rangeDescription()));
        if (unit == QLatin1String("%"))
            chart.setFixedValueRange(0, 100);
        chart.setModel(&model);
        const auto format = ChartExporter::formatFromName(m_export.format);
        if (!ChartExporter::write(&chart, m_export.output, *format, m_export.size, chart.title(), &error)) {
            finish(1, error);
            return;
        }
        finish(0, tr("Wrote %1").arg(QDir::toNativeSeparators(m_export.output)));
        return;
    }
    case ExportOptions::Kind::Report: {
        ReportData data;
        data.sourceName = m_source->displayName();
        data.simulated = m_source->isSimulated();
        const QueryResult &any = m_results.begin()->second;
        data.startMs = any.startMs;
        data.endMs = any.endMs() - any.stepMs;
        data.generatedAtMs = QDateTime::currentMSecsSinceEpoch();
        data.lastSuccessMs = m_controller->lastSuccessMs();
        data.failure = m_failure;
        data.results = m_results;
        data.alerts = m_alerts;
        data.roadmapResults = m_roadmapResults;
        const DashboardConfig shown = Dashboard::withAllocations(m_config, m_source->isSimulated());
        data.allocations = shown.allocations;
        data.subsidyAccounts = shown.subsidyAccounts;
        m_message(tr("Writing the report"));
        const ReportBuilder builder(data);
        const ReportContent content = builder.content();
        const QPageSize::PageSizeId page
            = m_export.pageSize == QLatin1String("Letter") ? QPageSize::Letter : QPageSize::A4;
        if (!ReportWriter::write(content, m_export.output, page, &error)) {
            finish(1, error);
            return;
        }
        finish(0,
            tr("Wrote %1 (%n pages)", nullptr, ReportWriter::pageCount(content))
                .arg(QDir::toNativeSeparators(m_export.output)));
        return;
    }
    }
}

QString ExportRunner::rangeDescription() const
{
    const QLocale locale;
    const QueryResult &result = m_results.begin()->second;
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(result.startMs);
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(result.endMs() - result.stepMs);
    //: The time range of an exported chart, e.g. "1 Mar 2026 08:00 – 2 Mar 2026 08:00"
    return tr("%1 – %2").arg(
        locale.toString(start, tr("d MMM yyyy HH:mm")), locale.toString(end, tr("d MMM yyyy HH:mm")));
}

void ExportRunner::finish(int exitCode, const QString &message)
{
    if (!message.isEmpty())
        m_message(message);
    m_exitCode = exitCode;
    Q_EMIT finished(exitCode);
}
