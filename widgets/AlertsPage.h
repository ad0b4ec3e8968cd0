#pragma once

#include <QWidget>

class AlertModel;
class QLabel;
class QTableView;
class TargetModel;

// The centre's firing alerts, severity first, and the health of the scrape targets.
class AlertsPage : public QWidget
{
    Q_OBJECT
public:
    explicit AlertsPage(QWidget *parent = nullptr);

    void setModels(AlertModel *alerts, TargetModel *targets);
    // Shown above the tables when the source could not be asked.
    void setHealthError(const QString &message);

    QTableView *alertView() const { return m_alertView; }
    QTableView *targetView() const { return m_targetView; }
    QString summaryText() const;

Q_SIGNALS:
    // The number of firing alerts changed: the tab shows it.
    void firingCountChanged(int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    void updateSummary();

    AlertModel *m_alerts = nullptr;
    TargetModel *m_targets = nullptr;
    QLabel *m_summary;
    QLabel *m_error;
    QLabel *m_alertTitle;
    QLabel *m_targetTitle;
    QTableView *m_alertView;
    QTableView *m_targetView;
};
