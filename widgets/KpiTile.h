#pragma once

#include <QFrame>

class QLabel;

// One headline figure: title, value, and a detail line; the accent shows the KPI's state.
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

    QString title() const;
    QString value() const;
    QString detail() const;
    Accent accent() const { return m_accent; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_detail;
    Accent m_accent = Accent::None;
    bool m_stale = false;
};
