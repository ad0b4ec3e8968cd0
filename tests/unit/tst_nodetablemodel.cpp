// The node table's model, fed like the dashboard feeds it (one instant result per query id) from the
// simulated 3,000-GPU centre: one row per node holding exactly the simulation's figures, minimal updates,
// and sorting and filtering through a QSortFilterProxyModel on the model's roles.
#include "NodeState.h"
#include "NodeTableModel.h"
#include "QueryCatalogue.h"
#include "Simulation.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

#include <cmath>
#include <memory>

namespace {

constexpr qint64 kMinute = 60 * 1000;

qint64 utcMs(const char *iso)
{
    return QDateTime::fromString(QLatin1String(iso), Qt::ISODate).toMSecsSinceEpoch();
}

Series nodeSeries(const QString &node, const QString &partition, double value)
{
    Series series;
    series.name = node;
    series.labels = { { QStringLiteral("node"), node } };
    if (!partition.isEmpty())
        series.labels.emplace(QStringLiteral("partition"), partition);
    series.values = { value };
    return series;
}

QueryResult instant(const char *queryId, qint64 ms, std::vector<Series> series)
{
    QueryResult result;
    result.queryId = QLatin1String(queryId);
    result.startMs = ms;
    result.series = std::move(series);
    return result;
}

bool sameValue(double a, double b)
{
    return a == b || (std::isnan(a) && std::isnan(b));
}

} // namespace

class TestNodeTableModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<Simulation> m_simulation;
    std::unique_ptr<NodeTableModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    qint64 m_at = 0; // an instant with a node down

    // The simulation's value of a query for a node at ms; NaN when it has none.
    double simulated(const QString &queryId, const QString &node, qint64 ms)
    {
        const QueryResult result = m_simulation->evaluate(QueryRequest { queryId, ms, ms, 0 });
        const Series *series = result.findSeries(node);
        return series ? series->values.at(0) : qQNaN();
    }

    void feedAll(qint64 ms)
    {
        for (const QString &id : NodeTableModel::queryIds())
            m_model->updateFromResult(m_simulation->evaluate(QueryRequest { id, ms, ms, 0 }));
    }

    QVariant raw(int row, int column) const
    {
        return m_model->data(m_model->index(row, column), NodeTableModel::RawValueRole);
    }

private Q_SLOTS:
    void initTestCase()
    {
        SimulationConfig config;
        config.seed = 7;
        config.targetGpus = 3000;
        m_simulation = std::make_unique<Simulation>(config);
        m_at = utcMs("2026-03-02T09:00:00Z");
        while (m_simulation->downGpusAt(m_at) == 0 && m_at > utcMs("2026-02-01T00:00:00Z"))
            m_at -= 10 * kMinute;
        QVERIFY2(m_simulation->downGpusAt(m_at) > 0, "no node down in a month");
    }

    void init()
    {
        m_model = std::make_unique<NodeTableModel>();
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
    }

    void takesTheNodeQueries()
    {
        const QStringList ids = NodeTableModel::queryIds();
        QVERIFY(ids.contains(QStringLiteral("node_gpu_util")));
        for (const QString &id : QueryCatalogue::nodeDetailIds())
            QVERIFY2(ids.contains(id), qPrintable(id));
        QCOMPARE(m_model->columnCount(), int(NodeTableModel::ColumnCount));
        QCOMPARE(m_model->headerData(NodeTableModel::PowerColumn, Qt::Horizontal).toString(),
            QStringLiteral("Power"));
    }

    // Every cell holds the simulation's figure for its node at the instant.
    void valuesAreTheSimulations()
    {
        feedAll(m_at);
        const std::vector<SimulatedNode> &nodes = m_simulation->nodes();
        QCOMPARE(m_model->rowCount(), int(nodes.size()));
        const std::vector<std::pair<int, const char *>> columns = {
            { NodeTableModel::StateColumn, "node_state" },
            { NodeTableModel::GpuCountColumn, "node_gpu_count" },
            { NodeTableModel::UtilisationColumn, "node_gpu_util" },
            { NodeTableModel::TensorColumn, "node_tensor_active" },
            { NodeTableModel::PowerColumn, "node_power_kw" },
            { NodeTableModel::TemperatureColumn, "node_gpu_temp_max" },
            { NodeTableModel::XidColumn, "node_last_xid" },
        };
        std::map<QString, QueryResult> results;
        for (const auto &[column, id] : columns)
            results[QLatin1String(id)]
                = m_simulation->evaluate(QueryRequest { QLatin1String(id), m_at, m_at, 0 });
        int down = 0, withXid = 0;
        for (const SimulatedNode &node : nodes) {
            const int row = m_model->rowOfNode(node.hostname);
            QVERIFY2(row >= 0, qPrintable(node.hostname));
            QCOMPARE(m_model->nodeAt(row), node.hostname);
            QCOMPARE(raw(row, NodeTableModel::NodeColumn).toString(), node.hostname);
            QCOMPARE(raw(row, NodeTableModel::PartitionColumn).toString(), node.partition);
            for (const auto &[column, id] : columns) {
                const Series *series = results.at(QLatin1String(id)).findSeries(node.hostname);
                QVERIFY(series);
                const double want = series->values.at(0);
                const double got = raw(row, column).toDouble();
                QVERIFY2(sameValue(got, want),
                    qPrintable(QStringLiteral("%1 %2: %3 instead of %4")
                                   .arg(node.hostname, QLatin1String(id))
                                   .arg(got)
                                   .arg(want)));
            }
            const double state = raw(row, NodeTableModel::StateColumn).toDouble();
            if (nodeStateFromCode(state) == NodeState::Down) {
                ++down;
                // No dcgm figures for a node that is down: shown as a dash, not as zero.
                QCOMPARE(m_model->index(row, NodeTableModel::PowerColumn).data().toString(),
                    QStringLiteral("\u2013"));
            }
            if (raw(row, NodeTableModel::XidColumn).toDouble() > 0)
                ++withXid;
        }
        QCOMPARE(down * 8, m_simulation->downGpusAt(m_at));
        QVERIFY(withXid > 0);
        for (const QString &id : NodeTableModel::queryIds())
            QCOMPARE(m_model->asOfMs(id), m_at);
    }

    void displayIsFormatted()
    {
        feedAll(m_at);
        QLocale::setDefault(QLocale::c());
        int row = -1;
        for (int r = 0; r < m_model->rowCount() && row < 0; ++r)
            if (nodeStateFromCode(raw(r, NodeTableModel::StateColumn).toDouble()) == NodeState::Allocated)
                row = r;
        QVERIFY(row >= 0);
        auto display = [&](int column) { return m_model->index(row, column).data().toString(); };
        QCOMPARE(display(NodeTableModel::StateColumn), QStringLiteral("allocated"));
        QCOMPARE(display(NodeTableModel::GpuCountColumn), QStringLiteral("8"));
        const double power = raw(row, NodeTableModel::PowerColumn).toDouble();
        QCOMPARE(
            display(NodeTableModel::PowerColumn), QString::number(power, 'f', 2) + QStringLiteral(" kW"));
        const double temperature = raw(row, NodeTableModel::TemperatureColumn).toDouble();
        QCOMPARE(display(NodeTableModel::TemperatureColumn),
            QString::number(temperature, 'f', 0) + QStringLiteral(" \u00b0C"));
        const double util = raw(row, NodeTableModel::UtilisationColumn).toDouble();
        QCOMPARE(
            display(NodeTableModel::UtilisationColumn), QString::number(util, 'f', 1) + QLatin1Char('%'));
        QCOMPARE(m_model->index(row, NodeTableModel::PowerColumn).data(Qt::TextAlignmentRole).toInt()
                & Qt::AlignRight,
            int(Qt::AlignRight));

        // An XID shows its code and says what it means; none shows nothing.
        m_model->updateFromResult(instant("node_last_xid", m_at + kMinute,
            { nodeSeries(m_model->nodeAt(0), {}, 79), nodeSeries(m_model->nodeAt(1), {}, 0) }));
        QCOMPARE(m_model->index(0, NodeTableModel::XidColumn).data().toString(), QStringLiteral("79"));
        QVERIFY(m_model->index(0, NodeTableModel::XidColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("fallen off the bus")));
        QCOMPARE(m_model->index(1, NodeTableModel::XidColumn).data().toString(), QString());
    }

    // A later answer changes the cells of its own column, for the rows whose figure changed, and
    // nothing else: no reset, no rows inserted or removed.
    void updatesAreMinimal()
    {
        feedAll(m_at);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        const qint64 later = m_at + 10 * kMinute;
        m_model->updateFromResult(
            m_simulation->evaluate(QueryRequest { QStringLiteral("node_power_kw"), later, later, 0 }));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(reset.size(), 0);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        int cells = 0;
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            const QModelIndex from = signal.at(0).toModelIndex();
            const QModelIndex to = signal.at(1).toModelIndex();
            QCOMPARE(from.column(), int(NodeTableModel::PowerColumn));
            QCOMPARE(to.column(), int(NodeTableModel::PowerColumn));
            cells += to.row() - from.row() + 1;
        }
        int differing = 0;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const QString node = m_model->nodeAt(row);
            const double before = simulated(QStringLiteral("node_power_kw"), node, m_at);
            const double after = simulated(QStringLiteral("node_power_kw"), node, later);
            QVERIFY(sameValue(raw(row, NodeTableModel::PowerColumn).toDouble(), after));
            differing += sameValue(before, after) ? 0 : 1;
        }
        QVERIFY(differing > 0);
        QCOMPARE(cells, differing);

        // The same answer again changes nothing; an older one arriving late is ignored.
        changed.clear();
        m_model->updateFromResult(
            m_simulation->evaluate(QueryRequest { QStringLiteral("node_power_kw"), later, later, 0 }));
        m_model->updateFromResult(
            m_simulation->evaluate(QueryRequest { QStringLiteral("node_power_kw"), m_at, m_at, 0 }));
        QCOMPARE(changed.size(), 0);
        QCOMPARE(m_model->asOfMs(QStringLiteral("node_power_kw")), later);
    }

    // A range result (read from the cache) gives its last point with data.
    void rangeResultGivesItsLatestPoint()
    {
        QueryResult range;
        range.queryId = QStringLiteral("node_gpu_util");
        range.startMs = m_at;
        range.stepMs = kMinute;
        Series a = nodeSeries(QStringLiteral("n1"), QStringLiteral("batch"), 10);
        a.values = { 10, 20, 30, qQNaN() };
        Series b = nodeSeries(QStringLiteral("n2"), QStringLiteral("batch"), 10);
        b.values = { 40, 50, qQNaN(), qQNaN() };
        range.series = { a, b };
        m_model->updateFromResult(range);
        QCOMPARE(m_model->rowCount(), 1); // n2 has no value at the latest point
        QCOMPARE(raw(0, NodeTableModel::UtilisationColumn).toDouble(), 30.0);
        QCOMPARE(m_model->asOfMs(QStringLiteral("node_gpu_util")), m_at + 2 * kMinute);
    }

    // Nodes come and go as the queries name them: rows are inserted and removed in place, in name order.
    void nodeSetChanges()
    {
        const QString batch = QStringLiteral("batch");
        m_model->updateFromResult(instant("node_gpu_util", m_at,
            { nodeSeries(QStringLiteral("n3"), batch, 50), nodeSeries(QStringLiteral("n1"), batch, 10) }));
        QCOMPARE(m_model->rowCount(), 2);
        QCOMPARE(m_model->nodeAt(0), QStringLiteral("n1"));
        QCOMPARE(m_model->nodeAt(1), QStringLiteral("n3"));

        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        // Slurm lists a node that is down, which dcgm does not.
        m_model->updateFromResult(instant("node_state", m_at,
            { nodeSeries(QStringLiteral("n1"), {}, 2), nodeSeries(QStringLiteral("n2"), {}, 4),
                nodeSeries(QStringLiteral("n3"), {}, 1), nodeSeries(QStringLiteral("n4"), {}, 0) }));
        QCOMPARE(m_model->rowCount(), 4);
        QCOMPARE(m_model->nodeAt(1), QStringLiteral("n2"));
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1); // n2 between n1 and n3
        QCOMPARE(inserted.at(1).at(1).toInt(), 3); // n4 at the end
        QVERIFY(std::isnan(raw(1, NodeTableModel::UtilisationColumn).toDouble()));
        QCOMPARE(m_model->index(1, NodeTableModel::StateColumn).data().toString(), QStringLiteral("down"));

        // n1 goes from both answers: its row goes; n3 stays, named by Slurm alone.
        m_model->updateFromResult(
            instant("node_gpu_util", m_at + kMinute, { nodeSeries(QStringLiteral("n4"), batch, 5) }));
        m_model->updateFromResult(instant("node_state", m_at + kMinute,
            { nodeSeries(QStringLiteral("n2"), {}, 4), nodeSeries(QStringLiteral("n3"), {}, 0),
                nodeSeries(QStringLiteral("n4"), {}, 1) }));
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->rowOfNode(QStringLiteral("n1")), -1);
        QCOMPARE(m_model->rowOfNode(QStringLiteral("n3")), 1);
        // The partition a node reported last stays when it stops reporting.
        QCOMPARE(raw(1, NodeTableModel::PartitionColumn).toString(), batch);
        QVERIFY(std::isnan(raw(1, NodeTableModel::UtilisationColumn).toDouble()));
        QCOMPARE(reset.size(), 0);

        // Another source: everything goes, and its older answers are taken again.
        m_model->clear();
        QCOMPARE(m_model->rowCount(), 0);
        QCOMPARE(m_model->asOfMs(QStringLiteral("node_state")), qint64(0));
        m_model->updateFromResult(
            instant("node_state", m_at - kMinute, { nodeSeries(QStringLiteral("m1"), {}, 0) }));
        QCOMPARE(m_model->rowCount(), 1);
        QCOMPARE(m_model->index(0, NodeTableModel::PartitionColumn).data().toString(), QString());
    }

    // The panel's proxy: filter on node, partition or state (case-insensitive), sort on raw values.
    void sortAndFilterThroughAProxy()
    {
        feedAll(m_at);
        QSortFilterProxyModel proxy;
        proxy.setSourceModel(m_model.get());
        proxy.setSortRole(NodeTableModel::SortRole);
        proxy.setFilterRole(NodeTableModel::FilterRole);
        proxy.setFilterKeyColumn(-1);
        proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

        int downNodes = 0, subsidyNodes = 0;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            downNodes
                += nodeStateFromCode(raw(row, NodeTableModel::StateColumn).toDouble()) == NodeState::Down;
            subsidyNodes += raw(row, NodeTableModel::PartitionColumn).toString() == QLatin1String("subsidy");
        }
        QVERIFY(downNodes > 0);
        proxy.setFilterFixedString(QStringLiteral("DOWN"));
        QCOMPARE(proxy.rowCount(), downNodes);
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.index(row, NodeTableModel::StateColumn).data().toString(), QStringLiteral("down"));
        proxy.setFilterFixedString(QStringLiteral("Subsidy"));
        QCOMPARE(proxy.rowCount(), subsidyNodes);
        proxy.setFilterFixedString(QStringLiteral("gpu-0012"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("aisc-gpu-0012"));
        // Numbers are not filtered on: "8" (every node's GPU count) matches only names holding an 8.
        proxy.setFilterFixedString(QStringLiteral("8"));
        for (int row = 0; row < proxy.rowCount(); ++row)
            QVERIFY(proxy.index(row, 0).data().toString().contains(QLatin1Char('8')));
        proxy.setFilterFixedString({});
        QCOMPARE(proxy.rowCount(), m_model->rowCount());

        // By power, highest first: numerically (not as text), nodes without a figure last.
        proxy.sort(NodeTableModel::PowerColumn, Qt::DescendingOrder);
        double previous = qInf();
        bool sawGap = false;
        for (int row = 0; row < proxy.rowCount(); ++row) {
            const double power
                = proxy.index(row, NodeTableModel::PowerColumn).data(NodeTableModel::RawValueRole).toDouble();
            if (std::isnan(power)) {
                sawGap = true;
                continue;
            }
            QVERIFY2(!sawGap, "a node without a figure sorts above one with");
            QVERIFY(power <= previous);
            previous = power;
        }
        QVERIFY(sawGap);
        // By state: the codes order them, idle first.
        proxy.sort(NodeTableModel::StateColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(proxy.rowCount() - 1, NodeTableModel::StateColumn).data().toString(),
            QStringLiteral("down"));
    }
};

QTEST_GUILESS_MAIN(TestNodeTableModel)
#include "tst_nodetablemodel.moc"
