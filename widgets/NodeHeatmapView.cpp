#include "NodeHeatmapView.h"

#include "TimeSeriesModel.h"
#include "UnitFormatter.h"

#include <QDateTime>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QScrollBar>
#include <QToolTip>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace {

// viridis (matplotlib's default map) at nine even steps, as R's viridisLite gives them.
constexpr std::array<QRgb, 9> kViridis = {
    0x440154,
    0x472d7b,
    0x3b528b,
    0x2c728e,
    0x21908c,
    0x27ad81,
    0x5dc863,
    0xaadc32,
    0xfde725,
};

// A gap: light grey with darker diagonal lines, unlike any colour of the scale.
constexpr QRgb kNoData = 0xdcdcdc;
constexpr QRgb kNoDataHatch = 0xa8a8a8;
constexpr int kHatchSpacing = 5;

constexpr int kMargin = 6;
constexpr int kTickLength = 4;
constexpr int kBarGap = 14;
constexpr int kBarWidth = 12;
constexpr int kLabelSlack = 4; // so that a label measured to fit is not elided by rounding

// Time-axis label spacing candidates, in minutes.
constexpr std::array<qint64, 13> kTickMinutes
    = { 5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 10080 };
// Label every Nth node, N one of these, so that the labelled nodes are easy to count.
constexpr std::array<int, 12> kLabelEvery = { 1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000 };

QRgb hatched(int x, int y)
{
    return (x + y) % kHatchSpacing == 0 ? kNoDataHatch : kNoData;
}

// Natural order, so that node9 comes before node10 whatever the locale's collation offers.
bool naturalLess(const QString &a, const QString &b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            qsizetype endA = i, endB = j;
            while (endA < a.size() && a[endA].isDigit())
                ++endA;
            while (endB < b.size() && b[endB].isDigit())
                ++endB;
            // Equal numbers compare equal here whatever their leading zeros.
            qsizetype startA = i, startB = j;
            while (startA + 1 < endA && a[startA] == QLatin1Char('0'))
                ++startA;
            while (startB + 1 < endB && b[startB] == QLatin1Char('0'))
                ++startB;
            const QStringView numberA = QStringView(a).mid(startA, endA - startA);
            const QStringView numberB = QStringView(b).mid(startB, endB - startB);
            if (numberA.size() != numberB.size())
                return numberA.size() < numberB.size();
            if (const int order = numberA.compare(numberB); order != 0)
                return order < 0;
            i = endA;
            j = endB;
            continue;
        }
        if (a[i] != b[j])
            return a[i] < b[j];
        ++i;
        ++j;
    }
    if ((a.size() - i) != (b.size() - j))
        return a.size() - i < b.size() - j;
    return a < b;
}

} // namespace

NodeHeatmapView::NodeHeatmapView(QWidget *parent)
    : QAbstractItemView(parent)
{
    setSelectionMode(QAbstractItemView::NoSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
    viewport()->setBackgroundRole(QPalette::Base);
    setAccessibleName(tr("GPU utilisation by node"));
}

NodeHeatmapView::~NodeHeatmapView() = default;

void NodeHeatmapView::setModel(QAbstractItemModel *model)
{
    for (const QMetaObject::Connection &connection : m_modelConnections)
        disconnect(connection);
    m_modelConnections.clear();
    QAbstractItemView::setModel(model);
    m_series = qobject_cast<TimeSeriesModel *>(model);
    if (model) {
        // Any change may move rows, columns or colours: the image is rebuilt at the next paint.
        const auto watch = [&](auto signal) {
            m_modelConnections.push_back(connect(model, signal, this, &NodeHeatmapView::invalidate));
        };
        watch(&QAbstractItemModel::modelReset);
        watch(&QAbstractItemModel::layoutChanged);
        watch(&QAbstractItemModel::rowsInserted);
        watch(&QAbstractItemModel::rowsRemoved);
        watch(&QAbstractItemModel::columnsInserted);
        watch(&QAbstractItemModel::columnsRemoved);
        watch(&QAbstractItemModel::dataChanged);
        watch(&QAbstractItemModel::headerDataChanged);
    }
    invalidate();
}

void NodeHeatmapView::invalidate()
{
    m_dataDirty = true;
    updateGeometries();
    viewport()->update();
}

int NodeHeatmapView::nodeRowCount() const
{
    ensureLayout();
    return int(m_order.size());
}

QStringList NodeHeatmapView::nodeNames() const
{
    ensureLayout();
    return m_names;
}

QRect NodeHeatmapView::plotRect() const
{
    ensureLayout();
    return m_plot;
}

QColor NodeHeatmapView::colourFor(double percent)
{
    const double position
        = std::clamp(std::isnan(percent) ? 0.0 : percent, 0.0, 100.0) / 100.0 * double(kViridis.size() - 1);
    const size_t low = std::min(size_t(position), kViridis.size() - 2);
    const double t = position - double(low);
    const QColor a = QColor::fromRgb(kViridis[low]);
    const QColor b = QColor::fromRgb(kViridis[low + 1]);
    return QColor::fromRgb(int(std::lround(a.red() + (b.red() - a.red()) * t)),
        int(std::lround(a.green() + (b.green() - a.green()) * t)),
        int(std::lround(a.blue() + (b.blue() - a.blue()) * t)));
}

QColor NodeHeatmapView::noDataColour()
{
    return QColor::fromRgb(kNoData);
}

// --- data and layout -----------------------------------------------------------------------------

bool NodeHeatmapView::hasData() const
{
    return !m_order.empty() && !m_times.empty() && m_plot.width() > 0 && m_plot.height() > 0;
}

double NodeHeatmapView::valueAt(int column, int sample) const
{
    if (m_series) {
        const std::vector<Series> &series = m_series->result().series;
        if (size_t(column) >= series.size() || size_t(sample) >= series[size_t(column)].values.size())
            return qQNaN();
        return series[size_t(column)].values[size_t(sample)];
    }
    const QVariant value = model()->data(model()->index(sample, column), TimeSeriesModel::RawValueRole);
    return value.isValid() ? value.toDouble() : qQNaN();
}

double NodeHeatmapView::meanOver(int column, SampleSpan span) const
{
    double sum = 0;
    int count = 0;
    for (int sample = span.first; sample < span.end; ++sample) {
        const double value = valueAt(column, sample);
        if (!std::isnan(value)) {
            sum += value;
            ++count;
        }
    }
    return count > 0 ? sum / count : qQNaN();
}

void NodeHeatmapView::ensureLayout() const
{
    const QAbstractItemModel *source = model();
    if (m_dataDirty) {
        m_dataDirty = false;
        m_imageDirty = true;
        QStringList modelNames;
        const int columns = source ? source->columnCount() : 0;
        for (int column = 0; column < columns; ++column)
            modelNames.append(source->headerData(column, Qt::Horizontal).toString());
        // The order changes only with the set of nodes, not with every refresh of their values.
        QStringList ordered;
        for (int column : m_order)
            ordered.append(column < modelNames.size() ? modelNames[column] : QString());
        if (int(m_order.size()) != columns || ordered != m_names) {
            m_order.resize(size_t(columns));
            std::iota(m_order.begin(), m_order.end(), 0);
            std::stable_sort(m_order.begin(), m_order.end(),
                [&](int a, int b) { return naturalLess(modelNames[a], modelNames[b]); });
            m_names.clear();
            m_rowOfColumn.assign(size_t(columns), -1);
            for (size_t row = 0; row < m_order.size(); ++row) {
                m_names.append(modelNames[m_order[row]]);
                m_rowOfColumn[size_t(m_order[row])] = int(row);
            }
            m_layoutSize = QSize(); // the labels' width may have changed
        }
        const int samples = source ? source->rowCount() : 0;
        m_times.resize(size_t(samples));
        for (int sample = 0; sample < samples; ++sample)
            m_times[size_t(sample)] = m_series
                ? m_series->result().timestampAt(sample)
                : source->headerData(sample, Qt::Vertical, TimeSeriesModel::TimestampRole).toLongLong();
        m_stepMs = samples > 1 ? m_times[1] - m_times[0] : 60000;
    }

    const QSize size = viewport()->size();
    if (m_layoutSize == size)
        return;
    m_layoutSize = size;
    const QFontMetrics metrics = fontMetrics();
    int widest = 0;
    for (const QString &name : std::as_const(m_names))
        widest = std::max(widest, metrics.horizontalAdvance(name));
    m_labelWidth = m_names.isEmpty()
        ? kMargin
        : std::min(widest + kLabelSlack + 2 * kMargin + kTickLength, size.width() / 4);
    const int legendText = std::max(
        metrics.horizontalAdvance(QStringLiteral("100%")), metrics.horizontalAdvance(tr("no data")));
    const int right = kBarGap + kBarWidth + kMargin + legendText + kMargin;
    const int top = metrics.height() / 2 + 2;
    const int bottom = kTickLength + metrics.height() + kMargin;
    const QRect plot(m_labelWidth, top, size.width() - m_labelWidth - right, size.height() - top - bottom);
    const int contentHeight = std::max(plot.height(), int(m_order.size()));
    if (plot.size() != m_plot.size() || contentHeight != m_contentHeight)
        m_imageDirty = true;
    m_plot = plot;
    m_contentHeight = contentHeight;
}

NodeHeatmapView::SampleSpan NodeHeatmapView::spanOfPixel(int x) const
{
    const qint64 samples = qint64(m_times.size());
    const qint64 width = std::max(1, m_plot.width());
    const int first = int(qint64(x) * samples / width);
    const int end = int(qint64(x + 1) * samples / width);
    return SampleSpan { first, std::max(first + 1, end) };
}

int NodeHeatmapView::pixelOfSample(int sample) const
{
    const qint64 samples = std::max<qint64>(1, qint64(m_times.size()));
    const qint64 width = m_plot.width();
    const int first = int((qint64(sample) * width + samples - 1) / samples);
    const int end = int((qint64(sample + 1) * width + samples - 1) / samples);
    // With more samples than pixels, a sample may share a pixel without starting one.
    return end > first ? (first + end - 1) / 2 : int(qint64(sample) * width / samples);
}

int NodeHeatmapView::rowTop(int row) const
{
    const qint64 rows = std::max<qint64>(1, qint64(m_order.size()));
    return int(qint64(row) * m_contentHeight / rows);
}

int NodeHeatmapView::rowAtContentY(int y) const
{
    const int rows = int(m_order.size());
    if (rows == 0 || y < 0 || y >= m_contentHeight)
        return -1;
    int row = std::min(rows - 1, int(qint64(y) * rows / std::max(1, m_contentHeight)));
    while (row + 1 < rows && rowTop(row + 1) <= y)
        ++row;
    while (row > 0 && rowTop(row) > y)
        --row;
    return row;
}

int NodeHeatmapView::displayRowOfColumn(int column) const
{
    return column >= 0 && size_t(column) < m_rowOfColumn.size() ? m_rowOfColumn[size_t(column)] : -1;
}

void NodeHeatmapView::ensureImage() const
{
    ensureLayout();
    if (!m_imageDirty || !hasData())
        return;
    m_imageDirty = false;
    ++m_buildCount;

    const int width = m_plot.width();
    m_image = QImage(width, m_contentHeight, QImage::Format_RGB32);
    // The scale in tenths of a percent, looked up rather than interpolated per pixel.
    std::array<QRgb, 1001> scale {};
    for (size_t i = 0; i < scale.size(); ++i)
        scale[i] = colourFor(double(i) / 10.0).rgb();
    std::vector<SampleSpan> spans(static_cast<size_t>(width));
    for (int x = 0; x < width; ++x)
        spans[size_t(x)] = spanOfPixel(x);

    std::vector<QRgb> line(static_cast<size_t>(width));
    std::vector<bool> gap(static_cast<size_t>(width));
    std::vector<double> values;
    for (size_t row = 0; row < m_order.size(); ++row) {
        // A node's samples at once: straight from a TimeSeriesModel's result, else cell by cell.
        const int column = m_order[row];
        const std::vector<double> *samples = nullptr;
        if (m_series && size_t(column) < m_series->result().series.size()) {
            samples = &m_series->result().series[size_t(column)].values;
        } else {
            values.resize(m_times.size());
            for (size_t sample = 0; sample < values.size(); ++sample)
                values[sample] = valueAt(column, int(sample));
            samples = &values;
        }
        for (int x = 0; x < width; ++x) {
            const SampleSpan span = spans[size_t(x)];
            double sum = 0;
            int count = 0;
            for (int sample = span.first; sample < span.end && size_t(sample) < samples->size(); ++sample) {
                const double v = (*samples)[size_t(sample)];
                if (!std::isnan(v)) {
                    sum += v;
                    ++count;
                }
            }
            const double value = count > 0 ? sum / count : qQNaN();
            gap[size_t(x)] = std::isnan(value);
            if (!gap[size_t(x)])
                line[size_t(x)] = scale[size_t(std::lround(std::clamp(value, 0.0, 100.0) * 10.0))];
        }
        for (int y = rowTop(int(row)); y < rowTop(int(row) + 1); ++y) {
            auto *scan = reinterpret_cast<QRgb *>(m_image.scanLine(y));
            for (int x = 0; x < width; ++x)
                scan[x] = gap[size_t(x)] ? hatched(x, y) : line[size_t(x)];
        }
    }
}

// --- QAbstractItemView ---------------------------------------------------------------------------

QRect NodeHeatmapView::visualRect(const QModelIndex &index) const
{
    ensureLayout();
    const int row = index.isValid() ? displayRowOfColumn(index.column()) : -1;
    if (row < 0 || !hasData() || index.row() >= int(m_times.size()))
        return {};
    const qint64 samples = qint64(m_times.size());
    const qint64 width = m_plot.width();
    int x0 = int((qint64(index.row()) * width + samples - 1) / samples);
    int x1 = int((qint64(index.row() + 1) * width + samples - 1) / samples);
    if (x1 <= x0) {
        x0 = int(qint64(index.row()) * width / samples);
        x1 = x0 + 1;
    }
    const int y = m_plot.top() + rowTop(row) - verticalOffset();
    return QRect(m_plot.left() + x0, y, x1 - x0, std::max(1, rowTop(row + 1) - rowTop(row)));
}

void NodeHeatmapView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    ensureLayout();
    const int row = index.isValid() ? displayRowOfColumn(index.column()) : -1;
    if (row < 0)
        return;
    const int top = rowTop(row);
    const int bottom = rowTop(row + 1);
    const int visible = m_plot.height();
    QScrollBar *bar = verticalScrollBar();
    if (hint == PositionAtCenter)
        bar->setValue((top + bottom - visible) / 2);
    else if (hint == PositionAtTop || top < bar->value())
        bar->setValue(top);
    else if (hint == PositionAtBottom || bottom > bar->value() + visible)
        bar->setValue(bottom - visible);
}

QModelIndex NodeHeatmapView::indexAt(const QPoint &point) const
{
    ensureLayout();
    if (!hasData() || !m_plot.contains(point))
        return {};
    const int row = rowAtContentY(point.y() - m_plot.top() + verticalOffset());
    if (row < 0)
        return {};
    const SampleSpan span = spanOfPixel(point.x() - m_plot.left());
    return model()->index(std::min(span.first, int(m_times.size()) - 1), m_order[size_t(row)]);
}

QModelIndex NodeHeatmapView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers)
{
    ensureLayout();
    if (!hasData())
        return {};
    const int rows = int(m_order.size());
    const int samples = int(m_times.size());
    const QModelIndex current = currentIndex();
    int row = current.isValid() ? displayRowOfColumn(current.column()) : -1;
    int sample = current.isValid() ? current.row() : samples - 1;
    if (row < 0)
        return model()->index(samples - 1, m_order.front()); // the first node, now
    // One step along time is one pixel column.
    const int timeStep = std::max(1, samples / std::max(1, m_plot.width()));
    const int page = std::max(1, rows * m_plot.height() / std::max(1, m_contentHeight));
    switch (cursorAction) {
    case MoveUp:
        --row;
        break;
    case MoveDown:
        ++row;
        break;
    case MovePageUp:
        row -= page;
        break;
    case MovePageDown:
        row += page;
        break;
    case MoveLeft:
    case MovePrevious:
        sample -= timeStep;
        break;
    case MoveRight:
    case MoveNext:
        sample += timeStep;
        break;
    case MoveHome:
        sample = 0;
        break;
    case MoveEnd:
        sample = samples - 1;
        break;
    }
    row = std::clamp(row, 0, rows - 1);
    sample = std::clamp(sample, 0, samples - 1);
    return model()->index(sample, m_order[size_t(row)]);
}

int NodeHeatmapView::horizontalOffset() const
{
    return 0;
}

int NodeHeatmapView::verticalOffset() const
{
    return verticalScrollBar()->value();
}

bool NodeHeatmapView::isIndexHidden(const QModelIndex &) const
{
    return false;
}

void NodeHeatmapView::setSelection(const QRect &, QItemSelectionModel::SelectionFlags) { }

QRegion NodeHeatmapView::visualRegionForSelection(const QItemSelection &) const
{
    return {};
}

void NodeHeatmapView::updateGeometries()
{
    ensureLayout();
    QScrollBar *bar = verticalScrollBar();
    bar->setRange(0, std::max(0, m_contentHeight - m_plot.height()));
    bar->setPageStep(std::max(1, m_plot.height()));
    bar->setSingleStep(std::max(1, m_contentHeight / std::max<int>(1, int(m_order.size()))) * 5);
    QAbstractItemView::updateGeometries();
}

void NodeHeatmapView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QAbstractItemView::currentChanged(current, previous);
    viewport()->update();
}

QSize NodeHeatmapView::sizeHint() const
{
    return QSize(640, 420);
}

QSize NodeHeatmapView::minimumSizeHint() const
{
    return QSize(320, 160);
}

// --- events ---------------------------------------------------------------------------------------

void NodeHeatmapView::resizeEvent(QResizeEvent *event)
{
    QAbstractItemView::resizeEvent(event);
    updateGeometries();
}

void NodeHeatmapView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange) {
        m_layoutSize = QSize();
        setAccessibleName(tr("GPU utilisation by node"));
        updateGeometries();
        viewport()->update();
    }
    QAbstractItemView::changeEvent(event);
}

bool NodeHeatmapView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, viewport());
        }
        return true;
    }
    return QAbstractItemView::viewportEvent(event);
}

void NodeHeatmapView::mousePressEvent(QMouseEvent *event)
{
    m_pressedNode = event->button() == Qt::LeftButton ? nodeAt(event->position().toPoint()) : QString();
    QAbstractItemView::mousePressEvent(event);
}

void NodeHeatmapView::mouseReleaseEvent(QMouseEvent *event)
{
    QAbstractItemView::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || m_pressedNode.isEmpty())
        return;
    const QString node = nodeAt(event->position().toPoint());
    const bool same = node == m_pressedNode;
    m_pressedNode.clear();
    if (same)
        Q_EMIT nodeActivated(node);
}

void NodeHeatmapView::keyPressEvent(QKeyEvent *event)
{
    const QModelIndex before = currentIndex();
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && before.isValid()) {
        Q_EMIT nodeActivated(model()->headerData(before.column(), Qt::Horizontal).toString());
        event->accept();
        return;
    }
    QAbstractItemView::keyPressEvent(event);
    // Keyboard users read the cell they moved to as a mouse user reads the one under the pointer.
    const QModelIndex after = currentIndex();
    if (after.isValid() && after != before) {
        const QPoint centre = visualRect(after).center();
        QToolTip::showText(viewport()->mapToGlobal(centre), toolTipAt(centre), viewport());
    }
}

QString NodeHeatmapView::nodeAt(const QPoint &viewportPoint) const
{
    ensureLayout();
    if (!hasData() || viewportPoint.x() < 0 || viewportPoint.x() > m_plot.right()
        || viewportPoint.y() < m_plot.top() || viewportPoint.y() > m_plot.bottom())
        return {};
    const int row = rowAtContentY(viewportPoint.y() - m_plot.top() + verticalOffset());
    return row < 0 ? QString() : m_names[row];
}

QString NodeHeatmapView::describe(int row, SampleSpan span) const
{
    const QLocale locale;
    const qint64 from = m_times[size_t(span.first)];
    QString when = locale.toString(QDateTime::fromMSecsSinceEpoch(from), QLocale::ShortFormat);
    const int count = span.end - span.first;
    if (count > 1)
        when += QStringLiteral("\u2013")
            + locale.toString(
                QDateTime::fromMSecsSinceEpoch(m_times[size_t(span.end - 1)]).time(), QLocale::ShortFormat);
    const double value = meanOver(m_order[size_t(row)], span);
    QString what;
    if (std::isnan(value))
        what = tr("no data");
    else if (count > 1)
        what = tr("GPU utilisation %1 (mean)").arg(UnitFormatter::format(value, QStringLiteral("%"), locale));
    else
        what = tr("GPU utilisation %1").arg(UnitFormatter::format(value, QStringLiteral("%"), locale));
    return m_names[row] + QLatin1Char('\n') + when + QLatin1Char('\n') + what;
}

QString NodeHeatmapView::toolTipAt(const QPoint &viewportPoint) const
{
    ensureLayout();
    if (!hasData())
        return {};
    const int row = rowAtContentY(viewportPoint.y() - m_plot.top() + verticalOffset());
    if (row < 0 || viewportPoint.y() < m_plot.top() || viewportPoint.y() > m_plot.bottom())
        return {};
    if (viewportPoint.x() < m_plot.left())
        return viewportPoint.x() >= 0 ? m_names[row] : QString(); // the labels: the node alone
    if (viewportPoint.x() > m_plot.right())
        return {};
    return describe(row, spanOfPixel(viewportPoint.x() - m_plot.left()));
}

QPoint NodeHeatmapView::pointOf(const QString &node, qint64 ms) const
{
    ensureLayout();
    const int row = int(m_names.indexOf(node));
    if (row < 0 || !hasData())
        return QPoint(-1, -1);
    const auto after = std::upper_bound(m_times.begin(), m_times.end(), ms);
    const int sample = std::max(0, int(after - m_times.begin()) - 1);
    const int x = m_plot.left() + pixelOfSample(sample);
    const int y = m_plot.top() + (rowTop(row) + rowTop(row + 1) - 1) / 2 - verticalOffset();
    const QPoint point(x, y);
    return m_plot.contains(point) ? point : QPoint(-1, -1);
}

// --- painting -------------------------------------------------------------------------------------

void NodeHeatmapView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    ensureImage();
    if (!hasData()) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(viewport()->rect(), Qt::AlignCenter,
            model() && model()->rowCount() > 0 ? tr("No nodes in this time range") : tr("Waiting for data…"));
        return;
    }
    painter.drawImage(m_plot.topLeft(), m_image, QRect(0, verticalOffset(), m_plot.width(), m_plot.height()));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(m_plot.adjusted(-1, -1, 0, 0));
    paintNodeLabels(painter);
    paintTimeAxis(painter);
    paintColourBar(painter);

    // The keyboard's current cell.
    const QModelIndex current = currentIndex();
    if (hasFocus() && current.isValid()) {
        QRect cell = visualRect(current);
        cell = cell.adjusted(-2, -2, 2, 2).intersected(m_plot.adjusted(-1, -1, 1, 1));
        painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(cell);
    }
}

void NodeHeatmapView::paintNodeLabels(QPainter &painter) const
{
    const QFontMetrics metrics = fontMetrics();
    const int rows = int(m_order.size());
    const double rowHeight = double(m_contentHeight) / rows;
    int every = kLabelEvery.back();
    for (int candidate : kLabelEvery)
        if (candidate * rowHeight >= metrics.height() + 1) {
            every = candidate;
            break;
        }
    painter.setPen(palette().color(QPalette::Text));
    const int scroll = verticalOffset();
    for (int row = 0; row < rows; row += every) {
        const int y = m_plot.top() + (rowTop(row) + rowTop(row + 1)) / 2 - scroll;
        if (y < m_plot.top() || y > m_plot.bottom())
            continue;
        const QRect text(
            kMargin, y - metrics.height() / 2, m_labelWidth - 2 * kMargin - kTickLength, metrics.height());
        painter.drawText(text, Qt::AlignRight | Qt::AlignVCenter,
            metrics.elidedText(m_names[row], Qt::ElideMiddle, text.width()));
        painter.drawLine(m_plot.left() - kTickLength - 1, y, m_plot.left() - 2, y);
    }
}

void NodeHeatmapView::paintTimeAxis(QPainter &painter) const
{
    const QFontMetrics metrics = fontMetrics();
    const qint64 start = m_times.front();
    const qint64 end = m_times.back() + m_stepMs;
    const qint64 span = std::max<qint64>(end - start, 60000);
    const QString format
        = span <= 36LL * 3600 * 1000 ? QStringLiteral("HH:mm") : QStringLiteral("MM-dd HH:mm");
    const int labelWidth
        = metrics.horizontalAdvance(QDateTime::fromMSecsSinceEpoch(start).toString(format)) + 28;
    const qint64 maxLabels = std::max(2, m_plot.width() / labelWidth);
    qint64 interval = kTickMinutes.back() * 60000;
    for (qint64 minutes : kTickMinutes)
        if (span / (minutes * 60000) <= maxLabels) {
            interval = minutes * 60000;
            break;
        }
    const QString tickFormat = interval >= 1440LL * 60000 ? QStringLiteral("MM-dd") : format;
    // Ticks on round local times.
    const qint64 offset = qint64(QDateTime::fromMSecsSinceEpoch(start).offsetFromUtc()) * 1000;
    painter.setPen(palette().color(QPalette::Text));
    const int y = m_plot.bottom() + 1;
    for (qint64 tick = ((start + offset + interval - 1) / interval) * interval - offset; tick < end;
         tick += interval) {
        const int x = m_plot.left() + int((tick - start) * m_plot.width() / span);
        const QString label = QDateTime::fromMSecsSinceEpoch(tick).toString(tickFormat);
        const int width = metrics.horizontalAdvance(label);
        if (x - width / 2 < m_plot.left() - kMargin || x + width / 2 > m_plot.right() + kMargin)
            continue;
        painter.drawLine(x, y, x, y + kTickLength);
        painter.drawText(
            QRect(x - width / 2 - 2, y + kTickLength, width + 4, metrics.height()), Qt::AlignCenter, label);
    }
}

void NodeHeatmapView::paintColourBar(QPainter &painter) const
{
    const QFontMetrics metrics = fontMetrics();
    const int x = m_plot.right() + kBarGap;
    const int swatch = kBarWidth;
    const int barHeight = m_plot.height() - swatch - metrics.height();
    const QLocale locale;
    painter.setPen(palette().color(QPalette::Text));
    if (barHeight >= 3 * metrics.height()) {
        for (int i = 0; i < barHeight; ++i)
            painter.fillRect(QRect(x, m_plot.top() + i, kBarWidth, 1),
                colourFor(100.0 * (barHeight - 1 - i) / (barHeight - 1)));
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawRect(QRect(x - 1, m_plot.top() - 1, kBarWidth + 1, barHeight + 1));
        painter.setPen(palette().color(QPalette::Text));
        const int ticks = barHeight >= 6 * metrics.height() ? 4 : 2;
        for (int k = 0; k <= ticks; ++k) {
            const int percent = 100 * k / ticks;
            const int y = m_plot.top() + (barHeight - 1) - (barHeight - 1) * k / ticks;
            painter.drawText(QRect(x + kBarWidth + 4, y - metrics.height() / 2, 200, metrics.height()),
                Qt::AlignLeft | Qt::AlignVCenter, locale.toString(percent) + QLatin1Char('%'));
        }
    }
    // The gap swatch, hatched as gaps are.
    const QRect box(x, m_plot.bottom() - swatch + 1, swatch, swatch);
    QImage hatch(box.size(), QImage::Format_RGB32);
    for (int yy = 0; yy < hatch.height(); ++yy)
        for (int xx = 0; xx < hatch.width(); ++xx)
            hatch.setPixel(xx, yy, hatched(xx, yy));
    painter.drawImage(box.topLeft(), hatch);
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawRect(box.adjusted(-1, -1, 0, 0));
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(QRect(x + kBarWidth + 4, box.center().y() - metrics.height() / 2, 200, metrics.height()),
        Qt::AlignLeft | Qt::AlignVCenter, tr("no data"));
}
