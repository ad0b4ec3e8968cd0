#pragma once
// Shared by the integration tests: what the backends fixture wrote, and a plain instant query.

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>
#include <QUrlQuery>

#include <map>

// Reads $AISC_TEST_OUTPUT/backends.env (KEY=value lines); false with *error when it cannot.
inline bool readBackendsEnv(std::map<QString, QString> *env, QString *error)
{
    const QString path = qEnvironmentVariable("AISC_TEST_OUTPUT") + QStringLiteral("/backends.env");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": ") + file.errorString()
            + QStringLiteral(" (the backends_setup fixture writes it)");
        return false;
    }
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (!line.startsWith(QLatin1Char('#')) && equals > 0)
            (*env)[line.left(equals)] = line.mid(equals + 1);
    }
    return true;
}

// GETs base + /api/v1/query (at time, unless empty) straight through the network, without the
// dashboard's client; the "data" object of a successful answer, or an empty one with *error set.
inline QJsonObject instantQueryData(QNetworkAccessManager &network, const QString &base,
    const QString &promql, const QString &time, int deadlineMs, QString *error)
{
    QUrl url(base + QStringLiteral("/api/v1/query"));
    QUrlQuery parameters;
    parameters.addQueryItem(QStringLiteral("query"), QString::fromLatin1(QUrl::toPercentEncoding(promql)));
    if (!time.isEmpty())
        parameters.addQueryItem(QStringLiteral("time"), time);
    url.setQuery(parameters);
    QNetworkReply *reply = network.get(QNetworkRequest(url));
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(&deadline, &QTimer::timeout, reply, &QNetworkReply::abort);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    deadline.start(deadlineMs);
    loop.exec();
    reply->deleteLater();
    const QByteArray body = reply->readAll();
    const QJsonObject answer = QJsonDocument::fromJson(body).object();
    if (reply->error() != QNetworkReply::NoError
        || answer.value(QStringLiteral("status")).toString() != QLatin1String("success")) {
        *error = QStringLiteral("%1: %2 %3")
                     .arg(url.toString(), reply->errorString(), QString::fromUtf8(body.left(300)));
        return {};
    }
    return answer.value(QStringLiteral("data")).toObject();
}
