#pragma once

#include <QList>
#include <QWidget>

// A small line of a figure's history, without axes: the shape over the time range shown.
// Gaps (NaN) break the line. A flat or empty history draws a flat line or nothing.
class Sparkline : public QWidget
{
    Q_OBJECT
public:
    explicit Sparkline(QWidget *parent = nullptr);

    void setValues(const QList<double> &values);
    const QList<double> &values() const { return m_values; }
    void setColour(const QColor &colour);

    QSize sizeHint() const override { return { 160, 34 }; }
    QSize minimumSizeHint() const override { return { 40, 24 }; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QList<double> m_values;
    QColor m_colour;
};
