// The zh_HK translation is complete: every string the sources mark is in the .ts file, none is
// unfinished or empty, and the compiled translation is in the binary's resources.
#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {
struct Message
{
    QString context;
    QString source;
    QString translation;
    bool unfinished = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            message = Message { context, {}, {}, false };
        } else if (xml.name() == QLatin1String("source")) {
            message.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            message.unfinished = type == QLatin1String("unfinished");
            message.translation = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (type != QLatin1String("obsolete") && type != QLatin1String("vanished"))
                messages.append(message);
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}
} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyMessageIsTranslated();
    void sourcesHaveNoStringMissingFromTheTs();
    void compiledTranslationIsInTheResources();
};

void TestTranslations::everyMessageIsTranslated()
{
    QString error;
    const QList<Message> messages = readTs(QStringLiteral(AISC_TS_FILE), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 50);
    for (const Message &message : messages) {
        const QString where = message.context + QLatin1String(": ") + message.source;
        QVERIFY2(!message.unfinished, qPrintable(QLatin1String("unfinished: ") + where));
        QVERIFY2(!message.translation.trimmed().isEmpty(), qPrintable(QLatin1String("empty: ") + where));
        // Placeholders must survive translation, or arguments would be lost on screen.
        for (int n = 1; n <= 9; ++n) {
            const QString placeholder = QLatin1Char('%') + QString::number(n);
            QVERIFY2(message.source.contains(placeholder) == message.translation.contains(placeholder),
                qPrintable(
                    QLatin1String("placeholder ") + placeholder + QLatin1String(" differs: ") + where));
        }
    }
}

void TestTranslations::sourcesHaveNoStringMissingFromTheTs()
{
    // Extract the sources' strings afresh and compare with the committed file.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString fresh = dir.filePath(QStringLiteral("fresh_zh_HK.ts"));
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(AISC_SOURCE_DIR));
    lupdate.start(QStringLiteral(AISC_LUPDATE),
        { QStringLiteral("-silent"), QStringLiteral("-locations"), QStringLiteral("none"),
            QStringLiteral("model"), QStringLiteral("widgets"), QStringLiteral("app"), QStringLiteral("-ts"),
            fresh });
    QVERIFY(lupdate.waitForFinished(120000));
    QCOMPARE(lupdate.exitCode(), 0);

    QString error;
    QSet<QString> committed;
    for (const Message &message : readTs(QStringLiteral(AISC_TS_FILE), &error))
        committed.insert(message.context + QLatin1Char('\x1f') + message.source);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList missing;
    for (const Message &message : readTs(fresh, &error)) {
        if (!committed.contains(message.context + QLatin1Char('\x1f') + message.source))
            missing.append(message.context + QLatin1String(": ") + message.source);
    }
    QVERIFY2(missing.isEmpty(),
        qPrintable(QLatin1String("not in aisc_zh_HK.ts (run the update_translations target):\n  ")
            + missing.join(QLatin1String("\n  "))));
}

void TestTranslations::compiledTranslationIsInTheResources()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/aisc/i18n/aisc_zh_HK.qm")));
    QCOMPARE(
        translator.translate("MainWindow", "AISC Operations Dashboard"), QStringLiteral("AISC 營運儀表板"));
    QCOMPARE(translator.translate("KpiModel", "Installed compute"), QStringLiteral("已安裝算力"));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
