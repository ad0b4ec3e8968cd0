#pragma once

#include <QAbstractItemView>
#include <QImage>
#include <QPointer>

#include <vector>

class TimeSeriesModel;

// GPU utilisation of every node over time, from a TimeSeriesModel of node_gpu_util (rows are
// timestamps, columns are nodes), painted as one image: a row per node in name order, a column per
// pixel of time, the colour the utilisation on the viridis scale (perceptually even, and readable with
// the common colour-vision deficiencies), gaps hatched grey. Node labels on the left (every Nth, as
// space allows), times along the bottom, a colour bar on the right. When the nodes outnumber the pixel
// rows each node keeps one pixel row and the view scrolls, so that no node is ever averaged away.
//
// The image is rebuilt only when the model or the size changes. Hovering shows node, time and value;
// a click, or Enter on the current cell (arrow keys move it), emits nodeActivated().
class NodeHeatmapView : public QAbstractItemView
{
    Q_OBJECT
public:
    explicit NodeHeatmapView(QWidget *parent = nullptr);
    ~NodeHeatmapView() override;

    void setModel(QAbstractItemModel *model) override;

    // The nodes drawn, as rows from the top.
    int nodeRowCount() const;
    QStringList nodeNames() const;
    // Node under a viewport point (plot or labels); empty when none.
    QString nodeAt(const QPoint &viewportPoint) const;
    // What hovering at a viewport point shows: node, time and value; empty outside the plot.
    QString toolTipAt(const QPoint &viewportPoint) const;
    // The viewport point in the middle of a node's row at a time, or (-1, -1) when not shown.
    QPoint pointOf(const QString &node, qint64 ms) const;
    // The visible plot area, in viewport coordinates.
    QRect plotRect() const;
    // How often the image was built: for tests that check it is not rebuilt on every paint.
    int imageBuildCount() const { return m_buildCount; }

    // The scale: utilisation in % (clamped to 0..100) to colour; the colour of a gap.
    static QColor colourFor(double percent);
    static QColor noDataColour();

    QRect visualRect(const QModelIndex &index) const override;
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;
    QModelIndex indexAt(const QPoint &point) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void nodeActivated(const QString &node);

protected:
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    int horizontalOffset() const override;
    int verticalOffset() const override;
    bool isIndexHidden(const QModelIndex &index) const override;
    void setSelection(const QRect &rect, QItemSelectionModel::SelectionFlags command) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    void updateGeometries() override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;

    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // Samples [first, end) of the model that one pixel column of the plot covers.
    struct SampleSpan
    {
        int first = 0;
        int end = 0;
    };

    void invalidate();
    void ensureLayout() const;
    void ensureImage() const;
    bool hasData() const;
    double valueAt(int column, int sample) const;
    double meanOver(int column, SampleSpan span) const;
    SampleSpan spanOfPixel(int x) const;
    int pixelOfSample(int sample) const;
    int rowTop(int row) const; // in image (content) coordinates
    int rowAtContentY(int y) const;
    int displayRowOfColumn(int column) const;
    QString describe(int row, SampleSpan span) const;
    void paintNodeLabels(QPainter &painter) const;
    void paintTimeAxis(QPainter &painter) const;
    void paintColourBar(QPainter &painter) const;

    QPointer<TimeSeriesModel> m_series; // the model, when it is one: read in bulk, not cell by cell
    std::vector<QMetaObject::Connection> m_modelConnections;
    QString m_pressedNode;
    mutable int m_buildCount = 0;

    // Derived from the model and the size, rebuilt lazily.
    mutable bool m_dataDirty = true;
    mutable bool m_imageDirty = true;
    mutable std::vector<int> m_order; // model columns in display order
    mutable std::vector<int> m_rowOfColumn; // display row of each model column
    mutable QStringList m_names; // in display order
    mutable std::vector<qint64> m_times; // timestamp of each sample
    mutable qint64 m_stepMs = 0;
    mutable QSize m_layoutSize;
    mutable QRect m_plot; // viewport coordinates
    mutable int m_contentHeight = 0; // pixel rows of the image: one or more per node
    mutable int m_labelWidth = 0;
    mutable QImage m_image;
};
