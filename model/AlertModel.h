#pragma once

#include "PrometheusParser.h"

#include <QAbstractTableModel>

#include <vector>

// The centre's alerts, most severe and newest first: one row per alert. The severity label sets
// the row's colour; firing alerts come before pending ones.
class AlertModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        SeverityColumn,
        NameColumn,
        StateColumn,
        WhereColumn,
        SinceColumn,
        SummaryColumn,
        ColumnCount
    };
    enum class Severity { Critical, Warning, Info };
    Q_ENUM(Severity)
    enum Role {
        SeverityRole = Qt::UserRole + 1, // Severity
        ActiveAtRole, // qint64 ms; 0 when unknown
        LabelsRole, // QVariantMap of the alert's labels
    };

    explicit AlertModel(QObject *parent = nullptr);

    void setAlerts(std::vector<PrometheusAlert> alerts);
    const std::vector<PrometheusAlert> &alerts() const { return m_alerts; }
    int firingCount(Severity severity) const;

    static Severity severityOf(const PrometheusAlert &alert);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<PrometheusAlert> m_alerts;
};
