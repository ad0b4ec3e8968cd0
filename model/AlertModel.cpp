#include "AlertModel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace {
QString labelOr(const PrometheusAlert &alert, const char *name)
{
    const auto it = alert.labels.find(QLatin1String(name));
    return it == alert.labels.end() ? QString() : it->second;
}
} // namespace

AlertModel::AlertModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

AlertModel::Severity AlertModel::severityOf(const PrometheusAlert &alert)
{
    const QString severity = labelOr(alert, "severity").toLower();
    if (severity == QLatin1String("critical") || severity == QLatin1String("page")
        || severity == QLatin1String("error"))
        return Severity::Critical;
    if (severity == QLatin1String("warning") || severity == QLatin1String("warn"))
        return Severity::Warning;
    return Severity::Info;
}

void AlertModel::setAlerts(std::vector<PrometheusAlert> alerts)
{
    std::stable_sort(alerts.begin(), alerts.end(), [](const PrometheusAlert &a, const PrometheusAlert &b) {
        const bool aFiring = a.state == QLatin1String("firing");
        const bool bFiring = b.state == QLatin1String("firing");
        if (aFiring != bFiring)
            return aFiring;
        if (severityOf(a) != severityOf(b))
            return severityOf(a) < severityOf(b);
        return a.activeAtMs > b.activeAtMs;
    });
    if (alerts == m_alerts)
        return;
    // Alert lists are short and change as a whole: a reset is the honest signal.
    beginResetModel();
    m_alerts = std::move(alerts);
    endResetModel();
}

int AlertModel::firingCount(Severity severity) const
{
    return int(std::count_if(m_alerts.begin(), m_alerts.end(), [severity](const PrometheusAlert &alert) {
        return alert.state == QLatin1String("firing") && severityOf(alert) == severity;
    }));
}

int AlertModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int AlertModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlertModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const PrometheusAlert &alert = m_alerts[size_t(index.row())];
    const Severity severity = severityOf(alert);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn:
            return severity == Severity::Critical ? tr("Critical")
                : severity == Severity::Warning   ? tr("Warning")
                                                  : tr("Info");
        case NameColumn:
            return alert.name;
        case StateColumn:
            return alert.state == QLatin1String("firing") ? tr("Firing")
                : alert.state == QLatin1String("pending") ? tr("Pending")
                                                          : alert.state;
        case WhereColumn: {
            QString where = labelOr(alert, "hostname");
            if (where.isEmpty())
                where = labelOr(alert, "Hostname");
            if (where.isEmpty())
                where = labelOr(alert, "instance");
            const QString gpu = labelOr(alert, "gpu");
            return gpu.isEmpty() ? where : tr("%1, GPU %2").arg(where, gpu);
        }
        case SinceColumn:
            return alert.activeAtMs == 0
                ? QVariant()
                : QVariant(QLocale().toString(
                    QDateTime::fromMSecsSinceEpoch(alert.activeAtMs), QStringLiteral("yyyy-MM-dd HH:mm")));
        case SummaryColumn: {
            const auto it = alert.annotations.find(QStringLiteral("summary"));
            if (it != alert.annotations.end())
                return it->second;
            const auto description = alert.annotations.find(QStringLiteral("description"));
            return description == alert.annotations.end() ? QString() : description->second;
        }
        }
        return {};
    case Qt::BackgroundRole:
        // Severity colours, light enough to keep the text readable.
        return QBrush(severity == Severity::Critical ? QColor(0xfd, 0xe2, 0xe1)
                : severity == Severity::Warning      ? QColor(0xff, 0xf1, 0xd0)
                                                     : QColor(0xe3, 0xf0, 0xfb));
    case Qt::ForegroundRole:
        return QBrush(QColor(0x20, 0x20, 0x20));
    case SeverityRole:
        return QVariant::fromValue(severity);
    case ActiveAtRole:
        return alert.activeAtMs;
    case LabelsRole: {
        QVariantMap labels;
        for (const auto &[name, value] : alert.labels)
            labels.insert(name, value);
        return labels;
    }
    }
    return {};
}

QVariant AlertModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case NameColumn:
        return tr("Alert");
    case StateColumn:
        return tr("State");
    case WhereColumn:
        return tr("Where");
    case SinceColumn:
        return tr("Since");
    case SummaryColumn:
        return tr("Summary");
    }
    return {};
}
