#include "Dashboard.h"

#include "AccountUsageModel.h"
#include "AlertModel.h"
#include "AlertsPage.h"
#include "CacheService.h"
#include "CapacityPage.h"
#include "CapacitySummary.h"
#include "ChartPanel.h"
#include "DashboardMetrics.h"
#include "DemoSource.h"
#include "KpiModel.h"
#include "MainWindow.h"
#include "NodeTableModel.h"
#include "OverviewPage.h"
#include "PresentationWindow.h"
#include "PrometheusSource.h"
#include "QueryCatalogue.h"
#include "QueuePage.h"
#include "RefreshController.h"
#include "ReportBuilder.h"
#include "ReportWriter.h"
#include "Roadmap.h"
#include "SettingsDialog.h"
#include "SlideShow.h"
#include "TargetModel.h"
#include "Theme.h"
#include "TimeSeriesModel.h"
#include "Translations.h"
#include "UtilisationPage.h"
#include "ViewRange.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QRegularExpression>

#include <cmath>
#include <set>

Dashboard::Dashboard(const DashboardOptions &options, const DashboardConfig &config,
    std::unique_ptr<MetricSource> source, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_config(config)
    , m_network(new QNetworkAccessManager(this))
    , m_range(new ViewRange(this))
    , m_kpis(new KpiModel(Roadmap::builtIn(), this))
    , m_nodes(new NodeTableModel(this))
    , m_accounts(new AccountUsageModel(this))
    , m_alerts(new AlertModel(this))
    , m_targets(new TargetModel(this))
    , m_window(std::make_unique<MainWindow>())
    , m_presentation(std::make_unique<PresentationWindow>())
{
    m_kpis->setDefinitions(KpiModel::overviewDefinitions());
    for (const auto &[id, thresholds] : m_config.thresholds) {
        for (const KpiDefinition &definition : m_kpis->definitions())
            if (definition.id == id)
                m_kpis->setThresholds(id,
                    std::isnan(thresholds.warning) ? definition.warning : thresholds.warning,
                    std::isnan(thresholds.critical) ? definition.critical : thresholds.critical);
    }
    m_range->setClock([this] { return m_source ? m_source->nowMs() : QDateTime::currentMSecsSinceEpoch(); });
    m_range->reset(ViewRange::presetFromString(m_options.range.isEmpty() ? m_config.range : m_options.range));
    m_range->setRefreshIntervalMs(m_config.refreshIntervalS * 1000);
    m_window->setViewRange(m_range);
    if (m_config.darkTheme)
        m_window->setDarkTheme(true);
    connect(m_range, &ViewRange::changed, this, &Dashboard::applyViewRange);
    connect(m_range, &ViewRange::refreshIntervalChanged, this, [this](int ms) {
        m_controller->setRefreshInterval(ms);
        rememberDisplayChoice();
    });
    connect(m_window.get(), &MainWindow::themeChanged, this, &Dashboard::rememberDisplayChoice);
    m_window->setLanguage(
        QLocale().language() == QLocale::Chinese ? QStringLiteral("zh_HK") : QStringLiteral("en"));
    connect(m_window.get(), &MainWindow::languageRequested, this, &Dashboard::setLanguage);
    connect(m_window.get(), &MainWindow::reportRequested, this, [this](const QString &path) {
        QString error;
        if (exportReport(path, &error))
            m_window->showMessage(tr("Wrote %1").arg(QDir::toNativeSeparators(path)));
        else
            m_window->showMessage(error);
    });
    OverviewPage *overview = m_window->overviewPage();
    overview->setKpiModel(m_kpis);
    overview->setUtilisationModel(addSeriesModel(QStringLiteral("gpu_util_by_partition")));
    overview->setQueueModel(addSeriesModel(QStringLiteral("queue_pending_by_partition")));
    UtilisationPage *utilisation = m_window->utilisationPage();
    utilisation->setUtilisationModel(addSeriesModel(QStringLiteral("gpu_util_by_partition")));
    utilisation->setTensorModel(addSeriesModel(QStringLiteral("tensor_active_by_partition")));
    utilisation->setNodeUtilisationModel(addSeriesModel(QStringLiteral("node_gpu_util")));
    utilisation->setNodeTableModel(m_nodes);

    CapacityPage *capacity = m_window->capacityPage();
    capacity->setRoadmap(Roadmap::builtIn());
    for (Precision precision : { Precision::DenseFp16Bf16, Precision::DenseFp8 }) {
        auto roadmapModel = [this](const QString &id) {
            return m_roadmapSeries[id] = new TimeSeriesModel(id, QueryCatalogue::unitOf(id), this);
        };
        capacity->setCapacityModels(precision, roadmapModel(CapacitySummary::installedQueryId(precision)),
            roadmapModel(CapacitySummary::deliveredQueryId(precision)));
    }
    capacity->setPrecision(m_config.precision);
    connect(capacity, &CapacityPage::precisionChanged, this, [this](Precision precision) {
        DashboardConfig changed = m_config;
        changed.precision = precision;
        applyConfig(changed, false);
    });

    QueuePage *queue = m_window->queuePage();
    queue->setRunningModel(addSeriesModel(QStringLiteral("queue_running_by_partition")));
    queue->setPendingModel(addSeriesModel(QStringLiteral("queue_pending_by_partition")));
    queue->setWaitModel(addSeriesModel(QStringLiteral("queue_wait_minutes")));
    queue->setGpuStateModel(addSeriesModel(QStringLiteral("gpus_by_state")));
    m_accounts->setSource(addSeriesModel(QStringLiteral("account_gpu_hours")));
    queue->setAccountUsageModel(m_accounts);

    // Every chart follows the shared time range: a drag on any of them zooms all, a double-click zooms out.
    for (ChartPanel *chart : m_window->charts()) {
        connect(chart, &ChartPanel::rangeSelected, m_range, &ViewRange::zoomTo);
        connect(chart, &ChartPanel::zoomOutRequested, m_range, &ViewRange::zoomOut);
    }
    m_window->alertsPage()->setModels(m_alerts, m_targets);
    connect(m_window.get(), &MainWindow::settingsRequested, this, &Dashboard::showSettings);

    // The presentation reads the models the pages show: no second pipeline.
    m_presentation->setRoadmap(Roadmap::builtIn());
    m_presentation->setKpiModel(m_kpis);
    const Precision roadmapPrecision = Roadmap::builtIn().precision();
    m_presentation->setCapacityModels(m_roadmapSeries.at(CapacitySummary::installedQueryId(roadmapPrecision)),
        m_roadmapSeries.at(CapacitySummary::deliveredQueryId(roadmapPrecision)));
    m_presentation->setUtilisationModel(addSeriesModel(QStringLiteral("gpu_util_by_partition")));
    m_presentation->setGpuStateModel(addSeriesModel(QStringLiteral("gpus_by_state")));
    applyPresentationConfig();
    connect(m_window.get(), &MainWindow::presentationRequested, this, [this] { setPresenting(true); });
    connect(m_presentation.get(), &PresentationWindow::exitRequested, this, [this] { setPresenting(false); });
    buildPipeline(source ? std::move(source) : makeSource());
}

Dashboard::~Dashboard()
{
    if (m_controller)
        m_controller->stop();
}

std::unique_ptr<MetricSource> Dashboard::makeSource() const
{
    return createSource(m_options, m_config, m_network);
}

std::unique_ptr<MetricSource> Dashboard::createSource(
    const DashboardOptions &options, const DashboardConfig &config, QNetworkAccessManager *network)
{
    if (options.demo)
        return std::make_unique<DemoSource>();
    std::optional<PrometheusServer> server = config.prometheus;
    if (options.prometheusUrl.isValid()) {
        // The command line names the server; how to reach it (auth, headers, CA) may come from the config.
        if (!server)
            server = PrometheusServer {};
        server->baseUrl = options.prometheusUrl;
    }
    if (!server)
        return std::make_unique<DemoSource>();
    return std::make_unique<PrometheusSource>(network, *server, config.promqlOverrides);
}

QString Dashboard::defaultCachePath(const MetricSource &source)
{
    const QDir folder = QFileInfo(CacheService::defaultPath()).absoluteDir();
    if (source.isSimulated())
        return folder.absoluteFilePath(QStringLiteral("simulated-centre.sqlite"));
    // A readable name for the user, and a hash so that two prefixes on one host never share a file.
    const QUrl url(source.displayName());
    QString readable
        = url.host() + (url.port() > 0 ? QLatin1Char('-') + QString::number(url.port()) : QString());
    readable.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    const QByteArray hash
        = QCryptographicHash::hash(source.displayName().toUtf8(), QCryptographicHash::Sha1).toHex().left(8);
    return folder.absoluteFilePath(
        readable + QLatin1Char('-') + QLatin1String(hash) + QStringLiteral(".sqlite"));
}

void Dashboard::buildPipeline(std::unique_ptr<MetricSource> source)
{
    if (m_controller) {
        m_controller->stop();
        delete m_controller;
        delete m_cache;
    }
    m_source = std::move(source);
    m_cachePath = m_options.cachePath.isEmpty() ? defaultCachePath(*m_source) : m_options.cachePath;
    m_cache = new CacheService(this);
    applyRetention();
    m_controller = new RefreshController(m_source.get(), m_cache, this);

    // The charts' queries and the tiles' queries are all kept over the live window, so that the
    // tiles too can paint from the cache at once; the tiles then follow instant values.
    std::set<QString> kpiQueries;
    for (const KpiDefinition &definition : m_kpis->definitions())
        kpiQueries.insert(definition.queryId);
    QStringList rangeQueries;
    for (const auto &[id, model] : m_series)
        rangeQueries.append(id);
    for (const QString &id : kpiQueries)
        if (!rangeQueries.contains(id))
            rangeQueries.append(id);
    m_controller->setRangeQueries(rangeQueries);
    // The node table shows every node's latest figures.
    QStringList instantQueries(kpiQueries.begin(), kpiQueries.end());
    for (const QString &id : NodeTableModel::queryIds())
        if (!instantQueries.contains(id))
            instantQueries.append(id);
    m_controller->setInstantQueries(instantQueries);
    applyViewRange();
    applyRoadmapWindow();
    applyAllocations();
    m_controller->setHealthEnabled(true);
    m_controller->setRefreshInterval(m_range->refreshIntervalMs());

    m_window->setSource(m_source->displayName(), m_source->isSimulated());
    m_window->setCacheDescription(tr("Cache: %1").arg(QDir::toNativeSeparators(m_cachePath)));

    connect(m_controller, &RefreshController::rangeResultReady, this, &Dashboard::routeResult);
    connect(m_controller, &RefreshController::fixedWindowResultReady, this,
        [this](const QString &, const QueryResult &result) {
            if (const auto it = m_roadmapSeries.find(result.queryId); it != m_roadmapSeries.end())
                it->second->setResult(result);
        });
    connect(m_controller, &RefreshController::instantResultReady, m_kpis, &KpiModel::updateFromResult);
    connect(m_controller, &RefreshController::instantResultReady, m_nodes, &NodeTableModel::updateFromResult);
    connect(m_controller, &RefreshController::refreshSucceeded, this, [this](qint64 atMs) {
        m_window->capacityPage()->setNow(m_source->nowMs());
        m_window->setLastUpdate(atMs);
        m_window->clearStale();
        m_presentation->setNow(m_source->nowMs());
        m_presentation->clearStale();
        m_kpis->setStale(false);
    });
    connect(
        m_controller, &RefreshController::sourceFailed, this, [this](const QString &message, qint64 sinceMs) {
            m_window->setStale(sinceMs, message);
            m_presentation->setStaleSince(sinceMs);
            m_kpis->setStale(true);
            // Visitors see "as of" in a corner; the reason is for whoever reads the log.
            if (isPresenting())
                qWarning("Presentation: data stale, the source failed: %s", qPrintable(message));
        });
    connect(m_controller, &RefreshController::cacheError, m_window.get(), &MainWindow::showMessage);
    connect(m_controller, &RefreshController::sourceWarned, this,
        [this](const QString &queryId, const QStringList &warnings) {
            m_window->showMessage(
                tr("The server warned that %1 may be incomplete: %2")
                    .arg(QueryCatalogue::title(queryId), warnings.join(QLatin1String("; "))));
        });
    connect(m_controller, &RefreshController::fetchProgress, m_window.get(), &MainWindow::setFetchProgress);
    connect(m_controller, &RefreshController::alertsReady, this,
        [this](const std::vector<PrometheusAlert> &alerts) {
            m_alerts->setAlerts(alerts);
            m_window->alertsPage()->setHealthError({});
        });
    connect(m_controller, &RefreshController::targetsReady, m_targets, &TargetModel::setTargets);
    connect(
        m_controller, &RefreshController::healthFailed, m_window->alertsPage(), &AlertsPage::setHealthError);
    // F5 refreshes at once, and resumes refreshing after Stop.
    connect(m_window.get(), &MainWindow::refreshRequested, m_controller, &RefreshController::start);
    connect(m_window.get(), &MainWindow::stopRequested, m_controller, [this] {
        m_controller->stop();
        m_window->setPaused(true);
    });

    connect(m_cache, &CacheService::notice, m_window.get(), &MainWindow::showMessage);
    connect(m_cache, &CacheService::opened, this, [this](const QString &path, bool ok, const QString &error) {
        if (ok || path == QLatin1String(":memory:"))
            return;
        // The file stays where it is, untouched; this session keeps its data in memory instead.
        m_window->showMessage(tr("%1 Using a temporary in-memory cache for this session.").arg(error));
        m_window->setCacheDescription(
            tr("Cache: in memory (%1 could not be opened)").arg(QDir::toNativeSeparators(path)));
        m_cache->open(QStringLiteral(":memory:"));
    });
    connectMetrics();
}

void Dashboard::setMetrics(DashboardMetrics *metrics)
{
    m_metrics = metrics;
    connectMetrics();
}

void Dashboard::connectMetrics()
{
    if (!m_metrics || !m_controller)
        return;
    m_metrics->setCachePath(m_cachePath);
    // The lambdas belong to the pipeline's controller and cache: a new pipeline connects its own.
    DashboardMetrics *metrics = m_metrics;
    connect(m_controller, &RefreshController::roundFinished, m_controller,
        [metrics](qint64 durationMs, bool) { metrics->observeRefresh(durationMs); });
    connect(m_controller, &RefreshController::refreshSucceeded, m_controller,
        [metrics](qint64 atMs) { metrics->setLastGoodDataMs(atMs); });
    connect(m_controller, &RefreshController::requestFailed, m_controller,
        [metrics](const SourceError &error) { metrics->countError(error.kind); });
    connect(m_controller, &RefreshController::cacheError, m_controller,
        [metrics] { metrics->countError(QStringLiteral("cache")); });
    connect(m_cache, &CacheService::opened, m_controller, [metrics](const QString &path, bool ok) {
        if (!ok)
            metrics->countError(QStringLiteral("cache"));
        metrics->setCachePath(path);
    });
}

void Dashboard::start()
{
    m_cache->open(m_cachePath);
    m_controller->start();
    if (m_options.present)
        setPresenting(true);
    else
        m_window->show();
}

void Dashboard::setPresenting(bool presenting)
{
    if (presenting == isPresenting())
        return;
    if (!presenting) {
        m_presentation->hide();
        m_window->show();
        m_window->activateWindow();
        return;
    }
    // The slides show the centre now: live data, refreshed, whatever the window was showing.
    if (!m_range->followsLive())
        m_range->setFollowLive(true);
    if (!m_controller->isRunning())
        m_controller->start();
    m_presentation->setNow(m_source->nowMs());
    m_presentation->showFullScreen();
    m_window->hide();
}

bool Dashboard::isPresenting() const
{
    return m_presentation->isVisible();
}

void Dashboard::applyPresentationConfig()
{
    m_presentation->slideShow()->setSlides(m_config.presentationSlides);
    m_presentation->slideShow()->setIntervalMs(m_config.presentationIntervalS * 1000LL);
}

void Dashboard::applyConfig(const DashboardConfig &config)
{
    applyConfig(config, true);
}

void Dashboard::applyConfig(const DashboardConfig &config, bool announce)
{
    const QString path
        = m_options.configPath.isEmpty() ? DashboardConfig::defaultPath() : m_options.configPath;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QString error;
    // A failure is always said; a choice made in the window (theme, language) is saved quietly.
    if (!config.save(path, &error))
        m_window->showMessage(error);
    else if (announce)
        m_window->showMessage(tr("Settings saved to %1").arg(QDir::toNativeSeparators(path)));
    // What decides where data comes from; display settings do not.
    auto sourceOf = [](const DashboardConfig &c) {
        QStringList key;
        if (c.prometheus) {
            const PrometheusServer &server = *c.prometheus;
            key << server.baseUrl.toString() << QString::number(int(server.auth)) << server.username
                << server.secretFile << server.secretEnvironmentVariable << server.secretKeyring
                << server.caFile << QString::number(server.insecureSkipTlsVerify)
                << QString::number(server.limits.deadlineMs);
            for (const auto &[name, value] : server.headers)
                key << QString::fromLatin1(name) << QString::fromUtf8(value);
        }
        for (const auto &[id, promql] : c.promqlOverrides)
            key << id << promql;
        return key;
    };
    const bool sourceChanged = sourceOf(config) != sourceOf(m_config);
    m_config = config;
    applyPresentationConfig();
    // The command line chose the source for this session; the saved settings apply from the next start.
    if (m_options.demo || m_options.prometheusUrl.isValid() || !sourceChanged) {
        m_range->setRefreshIntervalMs(m_config.refreshIntervalS * 1000);
        m_controller->setRefreshInterval(m_range->refreshIntervalMs());
        applyAllocations();
        applyRetention();
        return;
    }
    // Another source: other data. The views start empty and fill from the new source's own cache.
    buildPipeline(makeSource());
    for (const auto &[id, model] : m_series)
        model->setResult(QueryResult { id, 0, 0, {}, {} });
    m_nodes->clear();
    for (const auto &[id, model] : m_roadmapSeries)
        model->setResult(QueryResult { id, 0, 0, {}, {} });
    m_kpis->setDefinitions(KpiModel::overviewDefinitions());
    m_alerts->setAlerts({});
    m_targets->setTargets({});
    m_window->clearStale();
    start();
}

TimeSeriesModel *Dashboard::addSeriesModel(const QString &queryId)
{
    TimeSeriesModel *&model = m_series[queryId];
    if (!model)
        model = new TimeSeriesModel(queryId, QueryCatalogue::unitOf(queryId), this);
    return model;
}

TimeSeriesModel *Dashboard::seriesModel(const QString &queryId) const
{
    const auto it = m_series.find(queryId);
    return it == m_series.end() ? nullptr : it->second;
}

void Dashboard::applyViewRange()
{
    const ViewRange::Window window = m_range->window();
    const qint64 step = ViewRange::stepFor(window.lengthMs());
    m_controller->setWindow(window.lengthMs(), step, m_range->followsLive() ? 0 : window.endMs);
    m_window->queuePage()->setWindowLength(window.lengthMs());
}

void Dashboard::applyRoadmapWindow()
{
    const qint64 now = m_source->nowMs();
    QStringList ids;
    for (const auto &[id, model] : m_roadmapSeries)
        ids.append(id);
    const QueryRequest request = CapacitySummary::roadmapRequest(ids.constFirst(), Roadmap::builtIn(), now);
    m_controller->setFixedWindow(QStringLiteral("roadmap"), ids, request.startMs, request.stepMs);
    m_window->capacityPage()->setNow(now);
}

DashboardConfig Dashboard::withAllocations(const DashboardConfig &config, bool simulated)
{
    // The simulated centre's accounts have allocations of their own, unless the user's config gives some.
    DashboardConfig result = config;
    if (config.allocations.empty() && simulated) {
        QString error;
        if (const auto demo
            = DashboardConfig::load(QStringLiteral(":/aisc/simulated-centre.conf"), true, &error)) {
            result.allocations = demo->allocations;
            result.subsidyAccounts = demo->subsidyAccounts;
        }
    }
    return result;
}

void Dashboard::applyAllocations()
{
    const DashboardConfig shown = withAllocations(m_config, m_source->isSimulated());
    m_accounts->setAllocations(shown.allocations, shown.subsidyAccounts);
}

void Dashboard::setLanguage(const QString &language)
{
    const QString effective = installTranslations(language);
    if (auto *app = qobject_cast<QApplication *>(QCoreApplication::instance())) {
        // Chinese in Noto Sans CJK TC, never a Simplified Chinese or Japanese face; Latin text as before.
        QFont font = QApplication::font();
        font.setFamilies(effective == QLatin1String("zh_HK")
                ? QStringList { font.families().value(0, font.family()), QStringLiteral("Noto Sans CJK TC") }
                : QStringList { font.families().value(0, font.family()) });
        app->setFont(font);
    }
    m_kpis->retranslate();
    m_window->setLanguage(effective);
    m_window->setSource(m_source->displayName(), m_source->isSimulated());
    DashboardConfig config = m_config;
    config.language = effective;
    applyConfig(config, false);
}

bool Dashboard::exportReport(const QString &path, QString *error)
{
    ReportData data;
    data.sourceName = m_source->displayName();
    data.simulated = m_source->isSimulated();
    for (const QString &id : ReportBuilder::queryIds())
        if (const TimeSeriesModel *model = seriesModel(id))
            data.results[id] = model->result();
    for (const QString &id : ReportBuilder::roadmapQueryIds())
        if (const auto it = m_roadmapSeries.find(id); it != m_roadmapSeries.end())
            data.roadmapResults[id] = it->second->result();
    const ViewRange::Window window = m_range->window();
    data.startMs = window.startMs;
    data.endMs = window.endMs;
    data.generatedAtMs = QDateTime::currentMSecsSinceEpoch();
    data.lastSuccessMs = m_controller->lastSuccessMs();
    if (m_controller->isStale())
        data.failure = m_window->staleText();
    data.alerts = m_alerts->alerts();
    const DashboardConfig shown = withAllocations(m_config, m_source->isSimulated());
    data.allocations = shown.allocations;
    data.subsidyAccounts = shown.subsidyAccounts;
    const ReportBuilder builder(data);
    return ReportWriter::write(builder.content(), path, QPageSize::A4, error);
}

void Dashboard::rememberDisplayChoice()
{
    DashboardConfig config = m_config;
    config.darkTheme = Theme::current() == Theme::Kind::Dark;
    config.refreshIntervalS = m_range->refreshIntervalMs() / 1000;
    applyConfig(config, false);
}

void Dashboard::applyRetention()
{
    m_cache->setRetention({ qint64(m_config.cacheMaxAgeDays) * 24 * 3600 * 1000,
        qint64(m_config.cacheMaxSizeMb) * 1024 * 1024 });
}

void Dashboard::showSettings()
{
    SettingsDialog dialog(m_config, m_window.get());
    if (dialog.exec() == QDialog::Accepted)
        applyConfig(dialog.config());
}

void Dashboard::routeResult(const QueryResult &result)
{
    if (const auto it = m_series.find(result.queryId); it != m_series.end())
        it->second->setResult(result);
    // The node table paints from the cache at start too; a newer instant answer is never replaced.
    m_nodes->updateFromResult(result);
    m_kpis->updateFromResult(result);
}
