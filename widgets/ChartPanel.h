#pragma once

#include <QPointer>
#include <QWidget>

#include <vector>

class QChart;
class QChartView;
class QCategoryAxis;
class QLabel;
class QLineSeries;
class QValueAxis;
class TimeSeriesModel;

// A titled time chart of one TimeSeriesModel: a line per model column, over time. The chart owns
// no data: it redraws from the model, in bulk, whenever the model changes. Gaps (NaN) break a line
// instead of joining its ends; an empty model shows why instead of blank axes.
class ChartPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ChartPanel(QWidget *parent = nullptr);
    ~ChartPanel() override;

    void setTitle(const QString &title);
    QString title() const;
    void setModel(TimeSeriesModel *model);
    // Fixes the value axis (e.g. 0–100 for percentages); otherwise it fits the data from zero.
    void setFixedValueRange(double minimum, double maximum);

    // What is drawn, for tests and status: series (model columns) and points across them.
    int seriesCount() const { return int(m_lines.size()); }
    qsizetype pointCount() const;
    QStringList legendNames() const;
    // The message shown while there is nothing to draw; empty when the chart has points.
    QString placeholderText() const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Line
    {
        QString name;
        std::vector<QLineSeries *> segments; // one per run of values between gaps
    };

    void scheduleRedraw();
    void redraw();
    void updateTimeAxis(qint64 startMs, qint64 endMs);
    QLineSeries *newSegment(const QString &name, const QColor &colour, bool inLegend);

    QPointer<TimeSeriesModel> m_model;
    QChart *m_chart;
    QChartView *m_view;
    QCategoryAxis *m_timeAxis;
    QValueAxis *m_valueAxis;
    QLabel *m_placeholder;
    std::vector<Line> m_lines;
    bool m_fixedRange = false;
    bool m_redrawPending = false;
    qint64 m_startMs = 0;
    qint64 m_endMs = 0;
};
