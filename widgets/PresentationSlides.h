#pragma once

#include "Equivalences.h"
#include "Roadmap.h"

#include <QLabel>
#include <QPointer>
#include <QWidget>

#include <vector>

class KpiModel;
class RoadmapChart;
class TimeSeriesModel;

// The slides of presentation mode and the few widgets they are made of. Internal to
// PresentationWindow; in one pair of files because each slide is a small layout over the same data.

// What every slide reads: the models the dashboard's pages show, and now as the source sees it.
struct PresentationData
{
    QPointer<KpiModel> kpis;
    QPointer<TimeSeriesModel> installed; // capacity over the roadmap's span, at the roadmap's precision
    QPointer<TimeSeriesModel> delivered;
    QPointer<TimeSeriesModel> utilisation; // GPU utilisation by partition, over the view window
    QPointer<TimeSeriesModel> gpuStates; // GPUs allocated, idle, down, over the view window
    Roadmap roadmap = Roadmap::builtIn();
    Equivalences equivalences = Equivalences::builtIn();
    int roadmapVersion = 0; // counts roadmap changes, so that slides redraw it only when it changed
    qint64 nowMs = 0;

    // The latest figure of a headline KPI (KpiModel id) and its time; NaN and 0 without one.
    std::pair<double, qint64> kpi(const QString &id) const;
};

// One line of text whose type shrinks, from a chosen size, until the text fits the width the layout
// gives it: a figure never runs off the screen, whatever its length or language.
class FittedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit FittedLabel(QWidget *parent = nullptr);
    // The size the text has when it fits, in pixels; bold or not.
    void setPixelSize(int pixels, bool bold = false);
    void setFittedText(const QString &text);
    // The largest size, up to maximum pixels, at which the text fits the label's width.
    int fittingPixelSize(int maximum) const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void fit();
    int m_pixels = 24;
    bool m_bold = false;
    bool m_fitting = false;
};

// A bar filled to a share, with optional marks (e.g. the roadmap's milestones) along it. No text.
class ShareBar : public QWidget
{
    Q_OBJECT
public:
    explicit ShareBar(QWidget *parent = nullptr);
    void setShare(double share); // 0..1; NaN draws the track alone
    void setMarks(const std::vector<double> &marks); // 0..1
    void setThickness(int pixels);
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    double m_share = qQNaN();
    std::vector<double> m_marks;
    int m_thickness = 12;
};

class PresentationSlide : public QWidget
{
    Q_OBJECT
public:
    PresentationSlide(const QString &id, const PresentationData *shared, QWidget *parent);

    QString id() const { return objectName(); }
    // Whether the slide has figures to show; a slide without is skipped.
    virtual bool hasData() const = 0;
    // Reads the data again.
    virtual void refresh() = 0;
    // Type sizes and spacing for a screen of this height.
    virtual void scaleTo(int height);

protected:
    void changeEvent(QEvent *event) override;
    // Texts that do not depend on the data.
    virtual void retranslate() = 0;
    // A label in one of the slide's text styles, sized by scaleTo().
    enum class Style { Title, Body, Caption, Footnote };
    QLabel *addLabel(Style style);
    FittedLabel *addFigure(double heightFraction);

    const PresentationData *m_data;
    QLabel *m_title;

private:
    std::vector<std::pair<QLabel *, Style>> m_labels;
    std::vector<std::pair<FittedLabel *, double>> m_figures;
};

// Installed PFLOPS now, the next milestone, and the share of the full roadmap.
class HeadlineSlide : public PresentationSlide
{
    Q_OBJECT
public:
    HeadlineSlide(const PresentationData *shared, QWidget *parent);
    bool hasData() const override;
    void refresh() override;
    void scaleTo(int height) override;

protected:
    void retranslate() override;

private:
    FittedLabel *m_value;
    ShareBar *m_bar;
    QLabel *m_next;
    QLabel *m_share;
};

// The roadmap chart, with "we are here" at today.
class RoadmapSlide : public PresentationSlide
{
    Q_OBJECT
public:
    RoadmapSlide(const PresentationData *shared, QWidget *parent);
    bool hasData() const override { return true; }
    void refresh() override;
    void scaleTo(int height) override;
    RoadmapChart *chart() const { return m_chart; }

protected:
    void retranslate() override;

private:
    RoadmapChart *m_chart;
    // What the chart was last given: a redraw costs, and the chart moves by the day.
    QPointer<TimeSeriesModel> m_installed;
    QPointer<TimeSeriesModel> m_delivered;
    int m_roadmapVersion = -1;
    qint64 m_day = -1;
};

// GPU utilisation now: the centre's mean and each partition's.
class UtilisationSlide : public PresentationSlide
{
    Q_OBJECT
public:
    UtilisationSlide(const PresentationData *shared, QWidget *parent);
    bool hasData() const override;
    void refresh() override;
    void scaleTo(int height) override;

protected:
    void retranslate() override;

private:
    struct Row
    {
        QLabel *name;
        ShareBar *bar;
        QLabel *value;
    };
    FittedLabel *m_value;
    QLabel *m_caption;
    QWidget *m_rowsBox;
    std::vector<Row> m_rows;
    int m_height = 1080;
};

// Several big figures side by side, each with a caption under it.
class FigureRow : public QWidget
{
    Q_OBJECT
public:
    FigureRow(int count, QWidget *parent);
    void scaleTo(int valuePixels, int captionPixels);
    // Every figure at the size of the one that needs the smallest, so that the row reads as one.
    void equalise();
    FittedLabel *value(int i) const { return m_values[size_t(i)]; }
    QLabel *caption(int i) const { return m_captions[size_t(i)]; }
    int count() const { return int(m_values.size()); }

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    int m_valuePixels = 100;
    std::vector<FittedLabel *> m_values;
    std::vector<QLabel *> m_captions;
};

// Jobs running and waiting, and GPUs busy.
class JobsSlide : public PresentationSlide
{
    Q_OBJECT
public:
    JobsSlide(const PresentationData *shared, QWidget *parent);
    bool hasData() const override;
    void refresh() override;
    void scaleTo(int height) override;

protected:
    void retranslate() override;

private:
    FigureRow *m_figures;
};

// What an hour of the installed compute is roughly equivalent to, with the footnote saying whose
// figures they are and how they were scaled.
class EquivalencesSlide : public PresentationSlide
{
    Q_OBJECT
public:
    EquivalencesSlide(const PresentationData *shared, QWidget *parent);
    bool hasData() const override;
    void refresh() override;
    void scaleTo(int height) override;

protected:
    void retranslate() override;

private:
    FigureRow *m_figures;
    QLabel *m_footnote;
};
