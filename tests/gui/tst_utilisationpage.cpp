// The Utilisation page filled from the simulated 3,000-GPU centre as the dashboard fills it: a day of
// partition and node utilisation over the live window, and every node's latest figures. Grabbed at the
// page's size in a 1920x1080 and a 1366x768 window (menu, tabs and status bar taken off) for eyes to
// check; asserts what a user would: every chart has its series with points, a heatmap row and a table
// row per node, and picking a node shows its details.
#include "ChartPanel.h"
#include "NodeDetailDialog.h"
#include "NodeHeatmapView.h"
#include "NodeState.h"
#include "NodeTableModel.h"
#include "NodeTablePanel.h"
#include "Simulation.h"
#include "TimeSeriesModel.h"
#include "UtilisationPage.h"

#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTest>

#include <memory>

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kDay = 24 * 60 * kMinute;
// The window's menu bar, tab bar and status bar take about this much of its height.
constexpr int kChromeHeight = 68;

QString outputPath(const QString &name)
{
    return QDir(qEnvironmentVariable("AISC_TEST_OUTPUT", QDir::tempPath())).absoluteFilePath(name);
}

} // namespace

class TestUtilisationPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<Simulation> m_simulation;
    qint64 m_end = 0;
    std::unique_ptr<TimeSeriesModel> m_utilisation, m_tensor, m_nodeUtilisation;
    std::unique_ptr<NodeTableModel> m_table;

    std::unique_ptr<UtilisationPage> makePage() const
    {
        auto page = std::make_unique<UtilisationPage>();
        page->setUtilisationModel(m_utilisation.get());
        page->setTensorModel(m_tensor.get());
        page->setNodeUtilisationModel(m_nodeUtilisation.get());
        page->setNodeTableModel(m_table.get());
        return page;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c());
        SimulationConfig config;
        config.seed = 7;
        config.targetGpus = 3000;
        m_simulation = std::make_unique<Simulation>(config);
        m_end
            = QDateTime::fromString(QStringLiteral("2026-03-02T09:00:00Z"), Qt::ISODate).toMSecsSinceEpoch();
        auto range = [&](const char *id) {
            auto model = std::make_unique<TimeSeriesModel>(QLatin1String(id), QStringLiteral("%"));
            model->setResult(
                m_simulation->evaluate(QueryRequest { QLatin1String(id), m_end - kDay, m_end, kMinute }));
            return model;
        };
        m_utilisation = range("gpu_util_by_partition");
        m_tensor = range("tensor_active_by_partition");
        m_nodeUtilisation = range("node_gpu_util");
        m_table = std::make_unique<NodeTableModel>();
        for (const QString &id : NodeTableModel::queryIds())
            m_table->updateFromResult(m_simulation->evaluate(QueryRequest { id, m_end, m_end, 0 }));
    }

    void screenshots_data()
    {
        QTest::addColumn<QSize>("window");
        QTest::newRow("1920x1080") << QSize(1920, 1080);
        QTest::newRow("1366x768") << QSize(1366, 768);
    }

    void screenshots()
    {
        QFETCH(QSize, window);
        std::unique_ptr<UtilisationPage> page = makePage();
        page->resize(window.width(), window.height() - kChromeHeight);
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));
        QTest::qWait(100); // the charts redraw on the next turn of the event loop

        const int partitions = int(m_simulation->partitions().size());
        for (const ChartPanel *chart : page->charts()) {
            QCOMPARE(chart->seriesCount(), partitions);
            QVERIFY2(chart->pointCount() >= partitions * 1400, qPrintable(chart->title()));
            QVERIFY(chart->placeholderText().isEmpty());
        }
        QCOMPARE(page->charts().front()->legendNames(), page->charts().back()->legendNames());
        QCOMPARE(page->partitionNote(), QString()); // the simulated centre labels its partitions

        const int nodes = int(m_simulation->nodes().size());
        QCOMPARE(page->heatmap()->nodeRowCount(), nodes);
        QCOMPARE(page->nodeTable()->proxy()->rowCount(), nodes);
        QCOMPARE(page->nodeTable()->countText(), QStringLiteral("Nodes: %1").arg(nodes));
        // Every node of the heatmap is on screen without scrolling, and no table column is cut off.
        QVERIFY(page->heatmap()->plotRect().height() >= nodes);
        const QTableView *table = page->nodeTable()->view();
        int columnsWidth = 0;
        for (int column = 0; column < table->model()->columnCount() - 1; ++column)
            columnsWidth += table->columnWidth(column);
        qInfo("page %dx%d: heatmap plot %dx%d for %d nodes; table %d px wide, its columns but the last %d px",
            page->width(), page->height(), page->heatmap()->plotRect().width(),
            page->heatmap()->plotRect().height(), nodes, table->viewport()->width(), columnsWidth);

        QVERIFY(page->grab().save(
            outputPath(QStringLiteral("utilisation-%1x%2.png").arg(window.width()).arg(window.height()))));
    }

    // The page says so when the partition queries answer one series for the whole cluster.
    void clusterWideFallbackIsNamed()
    {
        std::unique_ptr<UtilisationPage> page = makePage();
        TimeSeriesModel clusterWide(QStringLiteral("gpu_util_by_partition"), QStringLiteral("%"));
        QueryResult result = m_simulation->evaluate(
            QueryRequest { QStringLiteral("gpu_util_cluster"), m_end - kDay, m_end, 10 * kMinute });
        result.queryId = QStringLiteral("gpu_util_by_partition");
        result.series.front().labels.clear(); // avg by (partition) without the label: no labels at all
        clusterWide.setResult(result);
        page->setUtilisationModel(&clusterWide);
        page->show();
        QCOMPARE(page->partitionNote(), QStringLiteral("No partition label: showing the whole cluster"));
        page->setUtilisationModel(m_utilisation.get());
        QCOMPARE(page->partitionNote(), QString());
    }

    void filterCountsWhatItLeaves()
    {
        std::unique_ptr<UtilisationPage> page = makePage();
        int down = 0;
        for (int row = 0; row < m_table->rowCount(); ++row)
            down += nodeStateFromCode(m_table->index(row, NodeTableModel::StateColumn)
                                          .data(NodeTableModel::RawValueRole)
                                          .toDouble())
                == NodeState::Down;
        QTest::keyClicks(page->nodeTable()->filterEdit(), QStringLiteral("Down"));
        QCOMPARE(page->nodeTable()->proxy()->rowCount(), down);
        QCOMPARE(page->nodeTable()->countText(),
            QStringLiteral("Nodes: %1 of %2").arg(down).arg(m_table->rowCount()));
        // The state column shows its colour beside its name.
        if (down > 0)
            QCOMPARE(page->nodeTable()
                         ->proxy()
                         ->index(0, NodeTableModel::StateColumn)
                         .data(Qt::DecorationRole)
                         .value<QColor>(),
                NodeTablePanel::stateColour(double(NodeState::Down)));
        page->nodeTable()->filterEdit()->clear();
        QCOMPARE(page->nodeTable()->proxy()->rowCount(), m_table->rowCount());
    }

    // A heatmap click or a table double-click opens the node's details: its row and its utilisation.
    void pickingANodeShowsItsDetails()
    {
        std::unique_ptr<UtilisationPage> page = makePage();
        page->resize(1366, 700);
        page->show();
        QVERIFY(QTest::qWaitForWindowExposed(page.get()));
        QCOMPARE(page->nodeDetail(), nullptr);

        // A node that holds an XID, for the fullest details.
        QString node;
        for (int row = 0; row < m_table->rowCount() && node.isEmpty(); ++row)
            if (m_table->index(row, NodeTableModel::XidColumn).data(NodeTableModel::RawValueRole).toDouble()
                > 0)
                node = m_table->nodeAt(row);
        QVERIFY(!node.isEmpty());
        NodeHeatmapView *heatmap = page->heatmap();
        QTest::mouseClick(
            heatmap->viewport(), Qt::LeftButton, {}, heatmap->pointOf(node, m_end - 60 * kMinute));
        NodeDetailDialog *detail = page->nodeDetail();
        QVERIFY(detail);
        QTRY_VERIFY(detail->isVisible());
        QCOMPARE(detail->node(), node);
        QVERIFY(detail->windowTitle().contains(node));
        const int row = m_table->rowOfNode(node);
        for (int column : { NodeTableModel::PartitionColumn, NodeTableModel::StateColumn,
                 NodeTableModel::GpuCountColumn, NodeTableModel::UtilisationColumn,
                 NodeTableModel::PowerColumn, NodeTableModel::TemperatureColumn })
            QCOMPARE(detail->fieldText(column), m_table->index(row, column).data().toString());
        QVERIFY2(detail->fieldText(NodeTableModel::XidColumn).startsWith(QLatin1String("XID ")),
            qPrintable(detail->fieldText(NodeTableModel::XidColumn)));
        QTest::qWait(50);
        QCOMPARE(detail->chart()->seriesCount(), 1);
        QCOMPARE(detail->chart()->legendNames(), QStringList { node });
        QVERIFY(detail->chart()->pointCount() > 1000);
        QVERIFY(detail->grab().save(outputPath(QStringLiteral("utilisation-node-detail.png"))));

        // From the table: double-click a row of another node.
        QTableView *table = page->nodeTable()->view();
        const QModelIndex first
            = table->model()->index(m_table->rowOfNode(node) == 3 ? 4 : 3, NodeTableModel::PowerColumn);
        const QString other = first.data(NodeTableModel::NodeRole).toString();
        QVERIFY(other != node);
        table->scrollTo(first);
        const QPoint centre = table->visualRect(first).center();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, centre);
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, centre);
        QCOMPARE(detail->node(), other);
        QCOMPARE(page->nodeDetail(), detail); // one dialog, following the pick
    }
};

QTEST_MAIN(TestUtilisationPage)
#include "tst_utilisationpage.moc"
