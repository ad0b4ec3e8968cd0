#pragma once

#include <QPointer>
#include <QWidget>

class NodeTableModel;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

// The node table: every node's latest figures in a sortable table (by raw value, not by text), a
// filter box matching node, partition or state (any case), and how many nodes the filter leaves.
// States carry a colour swatch beside their name. Double-click or Enter on a row emits nodeActivated().
class NodeTablePanel : public QWidget
{
    Q_OBJECT
public:
    explicit NodeTablePanel(QWidget *parent = nullptr);

    void setModel(NodeTableModel *model);

    QTableView *view() const { return m_view; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QLineEdit *filterEdit() const { return m_filter; }
    // "Nodes: 42 of 379" while filtering, "Nodes: 379" otherwise.
    QString countText() const;

    // The colour a state code is shown with.
    static QColor stateColour(double code);

    // Wide enough for every column, so that a splitter gives the table room for all of them.
    QSize sizeHint() const override;

Q_SIGNALS:
    void nodeActivated(const QString &node);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateCount();
    void fitColumns();

    QPointer<NodeTableModel> m_model;
    QLabel *m_title;
    QLineEdit *m_filter;
    QLabel *m_count;
    QTableView *m_view;
    QSortFilterProxyModel *m_proxy;
};
