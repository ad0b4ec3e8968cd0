#pragma once

#include <QWidget>

class AccountUsageModel;
class ChartPanel;
class QLabel;
class QTableView;
class TimeSeriesModel;

// The queue: jobs running and waiting per partition, how long started jobs waited (p50, p90), GPUs
// allocated, idle and down, and the top accounts by GPU-hours against their allocations.
class QueuePage : public QWidget
{
    Q_OBJECT
public:
    explicit QueuePage(QWidget *parent = nullptr);

    // queue_running_by_partition, queue_pending_by_partition, queue_wait_minutes, gpus_by_state and the
    // account usage over account_gpu_hours, all over the same window.
    void setRunningModel(TimeSeriesModel *model);
    void setPendingModel(TimeSeriesModel *model);
    void setWaitModel(TimeSeriesModel *model);
    void setGpuStateModel(TimeSeriesModel *model);
    void setAccountUsageModel(AccountUsageModel *model);
    // The window the charts and the table cover, for their titles ("last 24 hours", "last 7 days").
    void setWindowLength(qint64 ms);

    ChartPanel *runningChart() const { return m_running; }
    ChartPanel *pendingChart() const { return m_pending; }
    ChartPanel *waitChart() const { return m_wait; }
    ChartPanel *gpuStateChart() const { return m_gpuStates; }
    QTableView *accountView() const { return m_accountView; }
    QString accountTitle() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    qint64 m_windowMs = 24LL * 3600 * 1000;
    ChartPanel *m_running;
    ChartPanel *m_pending;
    ChartPanel *m_wait;
    ChartPanel *m_gpuStates;
    QLabel *m_accountTitle;
    QTableView *m_accountView;
};
