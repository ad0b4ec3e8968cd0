// What a proxy may echo of a request, in the forms pages and logs write it: each secret must vanish
// and the rest of the text stay as it was.
#include "SecretMask.h"

#include <QTest>
#include <QUrl>

namespace {
const QByteArray token = "tok-3f9a1c7e5b2d4e8f";
// Characters a URL, a form body and HTML each write differently.
const QByteArray password = "pw a81/b@7&c";
const QString dots = SecretMask::marker();

SecretMask basicMask()
{
    SecretMask mask;
    mask.add(password);
    mask.add(QByteArray("viewer:" + password));
    return mask;
}
} // namespace

class TestSecretMask : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hidesEveryForm_data();
    void hidesEveryForm();
    void whitespaceRunsAsAnyRun();
    void unusualSecrets_data();
    void unusualSecrets();
    void longerFormWinsOverItsBeginning();
    void emptyMaskAndSecret();
    void beginningCutInsideASecret_data();
    void beginningCutInsideASecret();
};

void TestSecretMask::hidesEveryForm_data()
{
    QTest::addColumn<bool>("basic");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");

    const QString raw = QString::fromUtf8(token);
    QTest::newRow("bearer header") << false
                                   << QStringLiteral("Authorization: Bearer ") + raw
            + QStringLiteral(
                ", Host: x") << QStringLiteral("Authorization: Bearer ") + dots + QStringLiteral(", Host: x");
    QTest::newRow("token twice") << false << raw + QLatin1Char(' ') + raw << dots + QLatin1Char(' ') + dots;
    QTest::newRow("token in base64") << false
                                     << QStringLiteral("X-Echo: ") + QString::fromLatin1(token.toBase64())
            + QStringLiteral(" end") << QStringLiteral("X-Echo: ") + dots + QStringLiteral(" end");
    QTest::newRow("token, some characters percent-encoded")
        << false << QStringLiteral("GET /?t=tok%2D3f9a1c7e5b2d4e8%66 HTTP/1.1")
        << QStringLiteral("GET /?t=") + dots + QStringLiteral(" HTTP/1.1");

    QTest::newRow("basic header") << true
                                  << QStringLiteral("Authorization: Basic ")
            + QString::fromLatin1(QByteArray("viewer:" + password).toBase64())
            + QStringLiteral("\nVia: proxy")
                                  << QStringLiteral("Authorization: Basic ") + dots
            + QStringLiteral("\nVia: proxy");
    QTest::newRow("password in a URL, upper-case hex")
        << true << QStringLiteral("upstream http://viewer:pw%20a81%2Fb%407%26c@prom:9090/api refused")
        << QStringLiteral("upstream http://") + dots + QStringLiteral("@prom:9090/api refused");
    QTest::newRow("password in a URL, lower-case hex and '+' for the space")
        << true << QStringLiteral("url=http%3a//viewer:pw+a81%2fb%40%37&c@prom")
        << QStringLiteral("url=http%3a//") + dots + QStringLiteral("@prom");
    QTest::newRow("password HTML-escaped") << true << QStringLiteral("<pre>pass=pw a81/b@7&amp;c</pre>")
                                           << QStringLiteral("<pre>pass=") + dots + QStringLiteral("</pre>");
    QTest::newRow("password wrapped over two lines") << true << QStringLiteral("secret: pw\n    a81/b@7&c!")
                                                     << QStringLiteral("secret: ") + dots + QLatin1Char('!');
    QTest::newRow("nothing secret") << true << QStringLiteral("502 Bad Gateway: pw a81/b@7 (nginx)")
                                    << QStringLiteral("502 Bad Gateway: pw a81/b@7 (nginx)");
}

void TestSecretMask::hidesEveryForm()
{
    QFETCH(bool, basic);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    SecretMask mask;
    if (basic)
        mask = basicMask();
    else
        mask.add(token);
    QCOMPARE(mask.apply(text), expected);
}

void TestSecretMask::whitespaceRunsAsAnyRun()
{
    SecretMask mask;
    mask.add("correct  horse");
    for (const QString &written : { QStringLiteral("correct horse"), QStringLiteral("correct\n\t  horse"),
             QStringLiteral("correct%20%20horse"), QStringLiteral("correct++horse"),
             QStringLiteral("correct+%20 horse") })
        QCOMPARE(mask.apply(QStringLiteral("[") + written + QStringLiteral("]")),
            QStringLiteral("[") + dots + QStringLiteral("]"));
    QCOMPARE(mask.apply(QStringLiteral("correct, horse")), QStringLiteral("correct, horse"));
}

void TestSecretMask::unusualSecrets_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QString>("written");

    // A JWT-sized token: kilobytes, far beyond what one regular expression of all its encodings holds.
    QByteArray longToken;
    for (int i = 0; i < 4096; ++i)
        longToken += "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_."[(i * 7) % 65];
    QTest::newRow("4 KiB token") << longToken << QString::fromLatin1(longToken);
    QTest::newRow("4 KiB token in base64") << longToken << QString::fromLatin1(longToken.toBase64());
    QTest::newRow("4 KiB token percent-encoded")
        << longToken
        << QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(longToken), {}, "-_."));
    // '%' itself and a percent escape start alike; so do '&' and an entity, a space run and '+'.
    QTest::newRow("a percent sign, raw") << QByteArray("a%2541") << QStringLiteral("a%2541");
    QTest::newRow("a percent sign, encoded") << QByteArray("a%2541") << QStringLiteral("a%252541");
    QTest::newRow("an ampersand before an entity's letters")
        << QByteArray("x&amp;y") << QStringLiteral("x&amp;amp;y");
    QTest::newRow("'+' after a space") << QByteArray("a +b") << QStringLiteral("a\n+b");
    QTest::newRow("not ASCII, percent-encoded")
        << QByteArray("p\xc3\xa4ss\xe2\x82\xac") << QStringLiteral("p%C3%a4ss%E2%82%AC");
    QTest::newRow("not ASCII, raw") << QByteArray("p\xc3\xa4ss\xe2\x82\xac")
                                    << QStringLiteral("p\u00e4ss\u20ac");
}

void TestSecretMask::unusualSecrets()
{
    QFETCH(QByteArray, secret);
    QFETCH(QString, written);
    SecretMask mask;
    mask.add(secret);
    QCOMPARE(mask.apply(QStringLiteral("<") + written + QStringLiteral(">")),
        QStringLiteral("<") + dots + QStringLiteral(">"));
    // Cut one character short, nothing of it is left.
    QCOMPARE(mask.applyToBeginning(QStringLiteral("<") + written.chopped(1)), QStringLiteral("<"));
}

void TestSecretMask::longerFormWinsOverItsBeginning()
{
    // The base64 of "ab" is "YWI", the beginning of the base64 of the longer pair: the pair must be
    // hidden whole, not as "•••" followed by the rest of its base64.
    SecretMask mask;
    mask.add("ab");
    mask.add("ab:cdefgh");
    const QString pair = QString::fromLatin1(QByteArray("ab:cdefgh").toBase64());
    QVERIFY(pair.startsWith(QLatin1String("YWI")));
    QCOMPARE(mask.apply(QStringLiteral("Basic ") + pair), QStringLiteral("Basic ") + dots);
}

void TestSecretMask::emptyMaskAndSecret()
{
    SecretMask mask;
    QVERIFY(mask.isEmpty());
    const QString text = QStringLiteral("Authorization: Bearer tok");
    QCOMPARE(mask.apply(text), text);
    QCOMPARE(mask.applyToBeginning(text), text);
    mask.add(QByteArray());
    QVERIFY(mask.isEmpty());
    QCOMPARE(mask.apply(text), text);
}

void TestSecretMask::beginningCutInsideASecret_data()
{
    QTest::addColumn<QString>("beginning");
    QTest::addColumn<QString>("expected");
    QTest::newRow("cut inside the token")
        << QStringLiteral("Authorization: Bearer tok-3f9a1c") << QStringLiteral("Authorization: Bearer ");
    QTest::newRow("cut inside a percent escape")
        << QStringLiteral("t=tok%2D3f9a1c7e5b2d4e8%6") << QStringLiteral("t=");
    QTest::newRow("cut right after the token")
        << QStringLiteral("Bearer tok-3f9a1c7e5b2d4e8f") << QStringLiteral("Bearer ") + dots;
    QTest::newRow("cut elsewhere") << QStringLiteral("Bearer ") + QString::fromUtf8(token)
            + QStringLiteral(" Via: prox")
                                   << QStringLiteral("Bearer ") + dots + QStringLiteral(" Via: prox");
}

void TestSecretMask::beginningCutInsideASecret()
{
    QFETCH(QString, beginning);
    QFETCH(QString, expected);
    SecretMask mask;
    mask.add(token);
    QCOMPARE(mask.applyToBeginning(beginning), expected);
}

QTEST_GUILESS_MAIN(TestSecretMask)
#include "tst_secretmask.moc"
