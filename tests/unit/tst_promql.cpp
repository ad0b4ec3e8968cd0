#include "PromQL.h"

#include <QTest>

class TestPromQL : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quoted_data();
    void quoted();
    void substitute();
};

void TestPromQL::quoted_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("literal");
    QTest::newRow("plain") << QStringLiteral("aisc-gpu-0001") << QStringLiteral("\"aisc-gpu-0001\"");
    QTest::newRow("quote cannot end the string")
        << QStringLiteral("x\"} or vector(1) #") << QStringLiteral("\"x\\\"} or vector(1) #\"");
    QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("\"a\\\\b\"");
    QTest::newRow("newline") << QStringLiteral("a\nb") << QStringLiteral("\"a\\nb\"");
    QTest::newRow("Chinese stays") << QStringLiteral("數碼港") << QStringLiteral("\"數碼港\"");
}

void TestPromQL::quoted()
{
    QFETCH(QString, value);
    QFETCH(QString, literal);
    QCOMPARE(PromQL::quoted(value), literal);
}

void TestPromQL::substitute()
{
    const QString expression
        = QStringLiteral("avg(DCGM_FI_DEV_GPU_UTIL{hostname=${node}, partition=${partition}})");
    QCOMPARE(PromQL::substitute(expression, { { QStringLiteral("node"), QStringLiteral("n\"1") } }),
        QStringLiteral("avg(DCGM_FI_DEV_GPU_UTIL{hostname=\"n\\\"1\", partition=${partition}})"));
}

QTEST_GUILESS_MAIN(TestPromQL)
#include "tst_promql.moc"
