#include "TargetModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace {
QString labelOr(const PrometheusTarget &target, const char *name)
{
    const auto it = target.labels.find(QLatin1String(name));
    return it == target.labels.end() ? QString() : it->second;
}
} // namespace

TargetModel::TargetModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void TargetModel::setTargets(std::vector<PrometheusTarget> targets)
{
    std::stable_sort(
        targets.begin(), targets.end(), [](const PrometheusTarget &a, const PrometheusTarget &b) {
            const bool aDown = a.health == PrometheusTarget::Health::Down;
            const bool bDown = b.health == PrometheusTarget::Health::Down;
            if (aDown != bDown)
                return aDown;
            return std::pair(labelOr(a, "job"), labelOr(a, "instance"))
                < std::pair(labelOr(b, "job"), labelOr(b, "instance"));
        });
    if (targets == m_targets)
        return;
    beginResetModel();
    m_targets = std::move(targets);
    endResetModel();
}

int TargetModel::countWithHealth(PrometheusTarget::Health health) const
{
    return int(std::count_if(m_targets.begin(), m_targets.end(),
        [health](const PrometheusTarget &target) { return target.health == health; }));
}

int TargetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_targets.size());
}

int TargetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TargetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PrometheusTarget &target = m_targets[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case JobColumn:
            return labelOr(target, "job");
        case InstanceColumn: {
            const QString instance = labelOr(target, "instance");
            return instance.isEmpty() ? target.scrapeUrl : instance;
        }
        case HealthColumn:
            return target.health == PrometheusTarget::Health::Up  ? tr("Up")
                : target.health == PrometheusTarget::Health::Down ? tr("Down")
                                                                  : tr("Unknown");
        case LastScrapeColumn:
            return target.lastScrapeMs == 0
                ? QVariant()
                : QVariant(QLocale().toString(
                    QDateTime::fromMSecsSinceEpoch(target.lastScrapeMs).time(), QStringLiteral("HH:mm:ss")));
        case ErrorColumn:
            return target.lastError;
        }
        return {};
    case Qt::ForegroundRole:
        if (target.health == PrometheusTarget::Health::Down && index.column() == HealthColumn)
            return QBrush(QColor(0xb3, 0x26, 0x1e));
        return {};
    case HealthRole:
        return int(target.health);
    }
    return {};
}

QVariant TargetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case JobColumn:
        return tr("Job");
    case InstanceColumn:
        return tr("Target");
    case HealthColumn:
        return tr("Health");
    case LastScrapeColumn:
        return tr("Last scrape");
    case ErrorColumn:
        return tr("Last error");
    }
    return {};
}
