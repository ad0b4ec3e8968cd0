#include "QueryCatalogue.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <map>

class TestQueryCatalogue : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void builtInHasEveryId();
    void nodeDetailIds();
    void titles();
    void loadWithExtraQuery();
    void missingBuiltInId_data();
    void missingBuiltInId();
    void invalidJson();
    void queryWithoutPromql();
    void missingFile();

private:
    QString write(const QString &name, const QByteArray &contents);
    QJsonObject builtInJson() const;

    QTemporaryDir m_dir;
};

void TestQueryCatalogue::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestQueryCatalogue::write(const QString &name, const QByteArray &contents)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(contents) != contents.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// The shipped catalogue, as the starting point of edited copies.
QJsonObject TestQueryCatalogue::builtInJson() const
{
    QFile file(QStringLiteral(":/aisc/queries.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("the query catalogue resource is missing");
    return QJsonDocument::fromJson(file.readAll()).object();
}

void TestQueryCatalogue::builtInHasEveryId()
{
    const QueryCatalogue &catalogue = QueryCatalogue::builtIn();
    const QStringList knownUnits = { QStringLiteral("PFLOPS"), QStringLiteral("%"), QStringLiteral("GPUs"),
        QStringLiteral("jobs"), QStringLiteral("GPU-h"), QStringLiteral("MW"), QStringLiteral("min") };
    const QStringList ids = QueryCatalogue::builtInIds();
    QVERIFY(ids.size() >= 10);
    QStringList unique = ids;
    QCOMPARE(unique.removeDuplicates(), 0);
    for (const QString &id : ids) {
        const QueryDefinition *query = catalogue.find(id);
        QVERIFY2(query, qPrintable(id));
        QCOMPARE(query->id, id);
        QVERIFY2(knownUnits.contains(query->unit), qPrintable(id + QLatin1String(": ") + query->unit));
        QVERIFY2(!query->promql.trimmed().isEmpty(), qPrintable(id));
    }
    QVERIFY(catalogue.ids().size() >= ids.size());
    QVERIFY(!catalogue.find(QStringLiteral("no_such_query")));

    // Spot checks against the design's table.
    QCOMPARE(catalogue.find(QStringLiteral("capacity_installed_pflops"))->unit, QStringLiteral("PFLOPS"));
    QCOMPARE(catalogue.find(QStringLiteral("queue_pending_by_partition"))->unit, QStringLiteral("jobs"));
    QCOMPARE(
        catalogue.find(QStringLiteral("queue_pending_by_partition"))->legend, QStringLiteral("partition"));
    QCOMPARE(catalogue.find(QStringLiteral("account_gpu_hours"))->unit, QStringLiteral("GPU-h"));
    QCOMPARE(catalogue.find(QStringLiteral("power_mw"))->unit, QStringLiteral("MW"));
}

// The node table's per-node figures: one series per node, named by the node, with the unit its column shows.
void TestQueryCatalogue::nodeDetailIds()
{
    const QStringList ids = QueryCatalogue::nodeDetailIds();
    const std::map<QString, QString> units = { { QStringLiteral("node_tensor_active"), QStringLiteral("%") },
        { QStringLiteral("node_power_kw"), QStringLiteral("kW") },
        { QStringLiteral("node_gpu_temp_max"), QStringLiteral("\u00b0C") },
        { QStringLiteral("node_gpu_count"), QStringLiteral("GPUs") },
        { QStringLiteral("node_last_xid"), QString() }, { QStringLiteral("node_state"), QString() } };
    QCOMPARE(ids.size(), qsizetype(units.size()));
    for (const QString &id : ids) {
        const QueryDefinition *query = QueryCatalogue::builtIn().find(id);
        QVERIFY2(query, qPrintable(id));
        QVERIFY2(units.count(id), qPrintable(id));
        QCOMPARE(query->unit, units.at(id));
        QCOMPARE(query->legend, QStringLiteral("node"));
        QVERIFY(QueryCatalogue::isBuiltIn(id));
        QVERIFY2(!QueryCatalogue::builtInIds().contains(id), qPrintable(id)); // not kept over ranges
        // dcgm's host label has two spellings; both must be read.
        if (query->promql.contains(QLatin1String("DCGM_FI_"))) {
            QVERIFY2(query->promql.contains(QLatin1String("\"hostname\"")), qPrintable(id));
            QVERIFY2(query->promql.contains(QLatin1String("\"Hostname\"")), qPrintable(id));
        }
    }
    QVERIFY(QueryCatalogue::isBuiltIn(QStringLiteral("node_gpu_util")));
    QVERIFY(!QueryCatalogue::isBuiltIn(QStringLiteral("no_such_query")));
}

void TestQueryCatalogue::titles()
{
    for (const QString &id : QueryCatalogue::builtInIds() + QueryCatalogue::nodeDetailIds()) {
        const QString title = QueryCatalogue::title(id);
        QVERIFY2(!title.isEmpty(), qPrintable(id));
        QVERIFY2(title != id, qPrintable(id)); // a real title, not the id echoed back
    }
    QCOMPARE(QueryCatalogue::title(QStringLiteral("site_specific")), QStringLiteral("site_specific"));
}

void TestQueryCatalogue::loadWithExtraQuery()
{
    QJsonObject root = builtInJson();
    QJsonObject queries = root.value(QLatin1String("queries")).toObject();
    queries.insert(QStringLiteral("site_specific"),
        QJsonObject { { QStringLiteral("unit"), QStringLiteral("%") },
            { QStringLiteral("promql"), QStringLiteral("avg(up)") } });
    root.insert(QStringLiteral("queries"), queries);
    const QString path = write(QStringLiteral("extra.json"), QJsonDocument(root).toJson());

    QString error;
    const std::optional<QueryCatalogue> catalogue = QueryCatalogue::load(path, &error);
    QVERIFY2(catalogue, qPrintable(error));
    QVERIFY(catalogue->find(QStringLiteral("site_specific")));
    QCOMPARE(catalogue->find(QStringLiteral("site_specific"))->promql, QStringLiteral("avg(up)"));
    QVERIFY(catalogue->ids().contains(QStringLiteral("site_specific")));
}

void TestQueryCatalogue::missingBuiltInId_data()
{
    QTest::addColumn<QString>("id");
    for (const QString &id : QueryCatalogue::builtInIds() + QueryCatalogue::nodeDetailIds())
        QTest::newRow(qPrintable(id)) << id;
}

void TestQueryCatalogue::missingBuiltInId()
{
    QFETCH(QString, id);
    QJsonObject root = builtInJson();
    QJsonObject queries = root.value(QLatin1String("queries")).toObject();
    QVERIFY(queries.contains(id));
    queries.remove(id);
    root.insert(QStringLiteral("queries"), queries);
    const QString path = write(QStringLiteral("without-%1.json").arg(id), QJsonDocument(root).toJson());

    QString error;
    QVERIFY(!QueryCatalogue::load(path, &error));
    QVERIFY2(error.contains(QLatin1Char('\'') + id + QLatin1Char('\'')), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

void TestQueryCatalogue::invalidJson()
{
    const QString path
        = write(QStringLiteral("broken.json"), R"({ "queries": { "power_mw": { "unit": "MW", )");
    QString error;
    QVERIFY(!QueryCatalogue::load(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

void TestQueryCatalogue::queryWithoutPromql()
{
    QJsonObject root = builtInJson();
    QJsonObject queries = root.value(QLatin1String("queries")).toObject();
    queries.insert(
        QStringLiteral("power_mw"), QJsonObject { { QStringLiteral("unit"), QStringLiteral("MW") } });
    root.insert(QStringLiteral("queries"), queries);
    const QString path = write(QStringLiteral("no-promql.json"), QJsonDocument(root).toJson());

    QString error;
    QVERIFY(!QueryCatalogue::load(path, &error));
    QVERIFY2(error.contains(QStringLiteral("power_mw")), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

void TestQueryCatalogue::missingFile()
{
    const QString path = m_dir.filePath(QStringLiteral("nowhere.json"));
    QString error;
    QVERIFY(!QueryCatalogue::load(path, &error));
    QVERIFY2(error.contains(path), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestQueryCatalogue)
#include "tst_querycatalogue.moc"
