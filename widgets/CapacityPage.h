#pragma once

#include "GpuPeakTable.h"
#include "Roadmap.h"

#include <QPointer>
#include <QWidget>

#include <array>

class GpuPeakModel;
class QComboBox;
class QLabel;
class QTableView;
class RoadmapChart;
class TimeSeriesModel;

// Capacity against the roadmap: a headline ("Installed X of Y PFLOPS, Z% of the next milestone"), the
// roadmap chart with installed and delivered compute, the peak precision to count them at, and the GPU
// peak table the figures come from, with its datasheets.
//
// Progress along the roadmap is measured at the roadmap's precision (dense FP16/BF16), whatever the
// precision chosen: the milestones are stated at it. At another precision the chart shows installed
// and delivered compute at that precision, without the roadmap's steps, and says why.
class CapacityPage : public QWidget
{
    Q_OBJECT
public:
    explicit CapacityPage(QWidget *parent = nullptr);

    void setRoadmap(const Roadmap &roadmap);
    // Installed and delivered compute at one precision, over the roadmap chart's span
    // (CapacitySummary::roadmapRequest). Set both precisions: the page switches between them.
    void setCapacityModels(Precision precision, TimeSeriesModel *installed, TimeSeriesModel *delivered);
    void setPrecision(Precision precision);
    Precision precision() const { return m_precision; }
    // Now, as the source sees it: the chart's span and its "today" marker follow it.
    void setNow(qint64 ms);

    RoadmapChart *roadmapChart() const { return m_chart; }
    QTableView *peakView() const { return m_peakView; }
    QComboBox *precisionBox() const { return m_precisionBox; }
    QString headlineText() const;
    QString deliveredText() const;
    // Shown when the chosen precision is not the roadmap's; empty otherwise.
    QString precisionNoteText() const;

Q_SIGNALS:
    // The user chose another precision (the dashboard keeps it in the config).
    void precisionChanged(Precision precision);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Models
    {
        QPointer<TimeSeriesModel> installed;
        QPointer<TimeSeriesModel> delivered;
    };

    void scheduleUpdate();
    void updateFigures();
    void showPrecision();
    void retranslate();
    const Models &modelsOf(Precision precision) const
    {
        return m_models[precision == Precision::DenseFp8 ? 1 : 0];
    }

    Roadmap m_roadmap;
    std::array<Models, 2> m_models;
    Precision m_precision = Precision::DenseFp16Bf16;
    qint64 m_nowMs = 0;
    bool m_updatePending = false;
    QLabel *m_headline;
    QLabel *m_delivered;
    QLabel *m_precisionNote;
    QLabel *m_precisionLabel;
    QComboBox *m_precisionBox;
    RoadmapChart *m_chart;
    QLabel *m_sourcesTitle;
    QTableView *m_peakView;
    QLabel *m_footnote;
    GpuPeakModel *m_peaks;
};
