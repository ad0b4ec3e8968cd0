#pragma once

#include <QFrame>

class QLabel;
class Sparkline;

// One headline figure: title, value, a detail line, a sparkline of the time range shown and the
// change over it; the accent (a bar and a tint) shows the KPI's state.
// A view only: KpiTileStrip fills it from a KpiModel row.
class KpiTile : public QFrame
{
    Q_OBJECT
public:
    enum class Accent { None, Normal, Warning, Critical };

    explicit KpiTile(QWidget *parent = nullptr);

    void setTitle(const QString &title);
    void setValue(const QString &value);
    void setDetail(const QString &detail);
    void setAccent(Accent accent);
    void setStale(bool stale);
    void setHistory(const QList<double> &values);
    void setChange(const QString &change);

    QString title() const;
    QString value() const;
    QString detail() const;
    QString change() const;
    const QList<double> &history() const;
    Accent accent() const { return m_accent; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QColor accentColour() const;
    void updateColours();
    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_detail;
    Sparkline *m_sparkline;
    QLabel *m_change;
    Accent m_accent = Accent::None;
    bool m_stale = false;
};
