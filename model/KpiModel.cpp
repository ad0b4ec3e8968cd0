#include "KpiModel.h"

#include "UnitFormatter.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace {

// The KPI's figure at one grid point of the result; NaN when the point has no data.
double reduceAt(const KpiDefinition &definition, const QueryResult &result, int index)
{
    if (definition.reduction == KpiReduction::NamedSeries) {
        const Series *series = result.findSeries(definition.seriesName);
        return series && size_t(index) < series->values.size() ? series->values[size_t(index)] : qQNaN();
    }
    double sum = 0;
    int count = 0;
    for (const Series &series : result.series) {
        if (size_t(index) < series.values.size() && !std::isnan(series.values[size_t(index)])) {
            sum += series.values[size_t(index)];
            ++count;
        }
    }
    if (count == 0)
        return qQNaN();
    return definition.reduction == KpiReduction::Mean ? sum / count : sum;
}

bool sameValue(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

} // namespace

KpiModel::KpiModel(const Roadmap &roadmap, QObject *parent)
    : QAbstractListModel(parent)
    , m_roadmap(roadmap)
{ }

void KpiModel::setDefinitions(std::vector<KpiDefinition> definitions)
{
    beginResetModel();
    m_definitions = std::move(definitions);
    m_values.assign(m_definitions.size(), Value());
    endResetModel();
}

void KpiModel::updateFromResult(const QueryResult &result)
{
    for (size_t row = 0; row < m_definitions.size(); ++row) {
        const KpiDefinition &definition = m_definitions[row];
        if (definition.queryId != result.queryId)
            continue;
        // A result without any data replaces the figure too: it says the query has no answer now.
        // (An unreachable source delivers no result at all; setStale() covers that case.)
        Value latest;
        for (int i = result.pointCount() - 1; i >= 0; --i) {
            const double value = reduceAt(definition, result, i);
            if (!std::isnan(value)) {
                latest = { value, result.timestampAt(i), {} };
                break;
            }
        }
        Value &current = m_values[row];
        QList<int> roles;
        if (result.stepMs > 0) {
            // A range result also draws the sparkline and gives the change over the range.
            QList<double> history;
            history.reserve(result.pointCount());
            for (int i = 0; i < result.pointCount(); ++i)
                history.append(reduceAt(definition, result, i));
            // A range without any data draws nothing, however long it is.
            if (std::all_of(history.cbegin(), history.cend(), [](double v) { return std::isnan(v); }))
                history.clear();
            if (!std::equal(history.cbegin(), history.cend(), current.history.cbegin(),
                    current.history.cend(), sameValue)) {
                current.history = std::move(history);
                roles << HistoryRole << ChangeRole << FormattedChangeRole;
            }
        }
        // Range results end on the last grid point, instant results are newer: a figure never
        // steps back to an older value because the older answer arrived later.
        const bool olderThanShown = !std::isnan(latest.value) && !std::isnan(current.value)
            && latest.timestampMs < current.timestampMs;
        const bool same = sameValue(current.value, latest.value) && current.timestampMs == latest.timestampMs;
        if (!same && !olderThanShown) {
            current.value = latest.value;
            current.timestampMs = latest.timestampMs;
            roles << Qt::DisplayRole << RawValueRole << FormattedValueRole << DetailRole << TimestampRole
                  << StateRole;
        }
        if (!roles.isEmpty()) {
            const QModelIndex changed = index(int(row));
            Q_EMIT dataChanged(changed, changed, roles);
        }
    }
}

void KpiModel::setStale(bool stale)
{
    if (m_stale == stale)
        return;
    m_stale = stale;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), { StaleRole });
}

void KpiModel::retranslate()
{
    const std::vector<KpiDefinition> fresh = overviewDefinitions();
    for (KpiDefinition &definition : m_definitions)
        for (const KpiDefinition &translated : fresh)
            if (translated.id == definition.id)
                definition.title = translated.title;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0), index(rowCount() - 1),
            { TitleRole, DetailRole, FormattedValueRole, FormattedChangeRole });
}

void KpiModel::setThresholds(const QString &kpiId, double warning, double critical)
{
    for (size_t row = 0; row < m_definitions.size(); ++row) {
        KpiDefinition &definition = m_definitions[row];
        if (definition.id != kpiId)
            continue;
        definition.warning = warning;
        definition.critical = critical;
        const QModelIndex changed = index(int(row));
        Q_EMIT dataChanged(changed, changed, { StateRole });
    }
}

double KpiModel::changeOf(const Value &value) const
{
    const auto first
        = std::find_if(value.history.cbegin(), value.history.cend(), [](double v) { return !std::isnan(v); });
    const auto last = std::find_if(
        value.history.crbegin(), value.history.crend(), [](double v) { return !std::isnan(v); });
    if (first == value.history.cend() || first == last.base() - 1)
        return qQNaN();
    return *last - *first;
}

int KpiModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_definitions.size());
}

QVariant KpiModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const KpiDefinition &definition = m_definitions[size_t(index.row())];
    const Value &value = m_values[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case FormattedValueRole:
        return UnitFormatter::format(value.value, definition.unit);
    case KpiIdRole:
        return definition.id;
    case TitleRole:
        return definition.title;
    case RawValueRole:
        return value.value;
    case UnitRole:
        return definition.unit;
    case DetailRole:
        return detailOf(definition, value);
    case TimestampRole:
        return std::isnan(value.value) ? QVariant() : QVariant(value.timestampMs);
    case StateRole:
        return QVariant::fromValue(stateOf(definition, value.value));
    case StaleRole:
        return m_stale;
    case HistoryRole:
        return QVariant::fromValue(value.history);
    case ChangeRole:
        return changeOf(value);
    case FormattedChangeRole: {
        const double change = changeOf(value);
        if (std::isnan(change))
            return QString();
        if (change == 0)
            return tr("no change over the range");
        //: The change of a headline figure over the time range shown, e.g. "▲ 12 jobs over the range"
        return tr("%1 %2 over the range")
            .arg(change > 0 ? QStringLiteral("\u25B2") : QStringLiteral("\u25BC"),
                UnitFormatter::format(std::abs(change), definition.unit));
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> KpiModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(KpiIdRole, QByteArrayLiteral("kpiId"));
    names.insert(TitleRole, QByteArrayLiteral("title"));
    names.insert(RawValueRole, QByteArrayLiteral("rawValue"));
    names.insert(FormattedValueRole, QByteArrayLiteral("formattedValue"));
    names.insert(UnitRole, QByteArrayLiteral("unit"));
    names.insert(DetailRole, QByteArrayLiteral("detail"));
    names.insert(TimestampRole, QByteArrayLiteral("timestamp"));
    names.insert(StateRole, QByteArrayLiteral("state"));
    names.insert(StaleRole, QByteArrayLiteral("stale"));
    names.insert(HistoryRole, QByteArrayLiteral("history"));
    names.insert(ChangeRole, QByteArrayLiteral("change"));
    names.insert(FormattedChangeRole, QByteArrayLiteral("formattedChange"));
    return names;
}

std::vector<KpiDefinition> KpiModel::overviewDefinitions()
{
    std::vector<KpiDefinition> definitions;

    KpiDefinition installed;
    installed.id = QStringLiteral("installed");
    installed.title = tr("Installed compute");
    installed.queryId = QStringLiteral("capacity_installed_pflops");
    installed.unit = QStringLiteral("PFLOPS");
    installed.reduction = KpiReduction::Sum; // the result has one series per GPU model
    installed.compareToRoadmap = true;
    definitions.push_back(installed);

    // High utilisation is what the centre is for: no thresholds.
    KpiDefinition utilisation;
    utilisation.id = QStringLiteral("gpu_util");
    utilisation.title = tr("GPU utilisation");
    utilisation.queryId = QStringLiteral("gpu_util_cluster");
    utilisation.unit = QStringLiteral("%");
    utilisation.reduction = KpiReduction::Mean;
    definitions.push_back(utilisation);

    KpiDefinition running;
    running.id = QStringLiteral("jobs_running");
    running.title = tr("Jobs running");
    running.queryId = QStringLiteral("queue_running_by_partition");
    running.unit = QStringLiteral("jobs");
    running.reduction = KpiReduction::Sum;
    definitions.push_back(running);

    KpiDefinition pending;
    pending.id = QStringLiteral("jobs_pending");
    pending.title = tr("Jobs waiting");
    pending.queryId = QStringLiteral("queue_pending_by_partition");
    pending.unit = QStringLiteral("jobs");
    pending.reduction = KpiReduction::Sum;
    pending.warning = 200;
    pending.critical = 500;
    definitions.push_back(pending);

    KpiDefinition down;
    down.id = QStringLiteral("gpus_down");
    down.title = tr("GPUs down");
    down.queryId = QStringLiteral("gpus_by_state");
    down.unit = QStringLiteral("GPUs");
    down.reduction = KpiReduction::NamedSeries;
    down.seriesName = QStringLiteral("down");
    down.warning = 8;
    down.critical = 32;
    definitions.push_back(down);

    return definitions;
}

KpiModel::State KpiModel::stateOf(const KpiDefinition &definition, double value) const
{
    if (std::isnan(value))
        return State::NoData;
    // With both thresholds set, their order gives the direction; a lone threshold means higher is worse.
    const bool lowerIsWorse = !std::isnan(definition.warning) && !std::isnan(definition.critical)
        && definition.warning > definition.critical;
    // Reaching a threshold counts as crossing it.
    auto reaches = [&](double threshold) {
        return !std::isnan(threshold) && (lowerIsWorse ? value <= threshold : value >= threshold);
    };
    if (reaches(definition.critical))
        return State::Critical;
    if (reaches(definition.warning))
        return State::Warning;
    return State::Normal;
}

QString KpiModel::detailOf(const KpiDefinition &definition, const Value &value) const
{
    if (std::isnan(value.value))
        return tr("no data yet");
    const QLocale locale;
    if (definition.compareToRoadmap && !m_roadmap.milestones().empty()) {
        const RoadmapMilestone &milestone = m_roadmap.nextMilestone(value.timestampMs);
        // Floor, so that the tile does not claim 100% before the target is reached.
        const qint64 percent = qint64(std::floor(100.0 * value.value / milestone.pflops));
        const QDate valueDate = QDateTime::fromMSecsSinceEpoch(value.timestampMs, Qt::UTC).date();
        if (milestone.date < valueDate) {
            //: Under the installed capacity once every roadmap milestone is past, e.g. "100% of 3,000
            //: PFLOPS · roadmap complete since 31 Dec 2025"
            return tr("%1% of %2 · roadmap complete since %3")
                .arg(locale.toString(percent),
                    UnitFormatter::format(milestone.pflops, definition.unit, locale),
                    locale.toString(milestone.date, tr("d MMM yyyy")));
        }
        //: Roadmap progress under the installed capacity, e.g. "99% of 3,000 PFLOPS · Full capacity during
        //: 2025 (31 Dec 2025)"
        return tr("%1% of %2 · %3 (%4)")
            .arg(locale.toString(percent), UnitFormatter::format(milestone.pflops, definition.unit, locale),
                milestone.label(locale.name()),
                //: Date format of a roadmap milestone (QDate::toString syntax)
                locale.toString(milestone.date, tr("d MMM yyyy")));
    }
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(value.timestampMs);
    if (time.date() == QDate::currentDate())
        return tr("as of %1").arg(locale.toString(time.time(), QStringLiteral("HH:mm")));
    //: Date and time of a value from an earlier day (QDateTime::toString syntax)
    return tr("as of %1").arg(locale.toString(time, tr("d MMM HH:mm")));
}
