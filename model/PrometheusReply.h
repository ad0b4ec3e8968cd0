#pragma once

#include "PrometheusParser.h"
#include "QueryResult.h"
#include "SecretMask.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkReply;

// Limits every request to a Prometheus server keeps.
struct PrometheusLimits
{
    // The whole answer must arrive within this time: QNetworkAccessManager's transfer timeout only
    // fires when nothing arrives, so a slow trickle would otherwise never end.
    int deadlineMs = 30000;
    // Decompressed bytes an answer may hold; the request is aborted beyond it.
    qint64 maxResponseBytes = 512LL * 1024 * 1024;
};

// One request to a Prometheus server, made by PrometheusClient. finished() is emitted exactly once,
// whatever the outcome: from the event loop, or at once from abort(). The owner deletes the reply
// (deleteLater) after it.
// The reply does not judge the body: any complete HTTP answer, whatever its status, is Answered and
// PrometheusParser reads it (Prometheus sends its error envelope with 4xx/5xx statuses).
class PrometheusReply : public QObject
{
    Q_OBJECT
public:
    enum class Outcome { Pending, Answered, Failed, Cancelled };

    // The server's display URL (never with credentials) and what was asked, e.g. "query power_mw".
    QString server() const { return m_server; }
    QString subject() const { return m_subject; }

    Outcome outcome() const { return m_outcome; }
    bool isFinished() const { return m_outcome != Outcome::Pending; }
    // When Failed: no complete HTTP answer (refused, deadline, size cap, TLS, ...). When Cancelled:
    // aborted or superseded by a newer request with the same key.
    SourceError error() const { return m_error; }

    int httpStatus() const { return m_httpStatus; }
    QByteArray contentType() const { return m_contentType; }
    // The decompressed body; its buffer keeps spare capacity so that simdjson can parse it in place.
    QByteArray body() const { return m_body; }
    // What PrometheusParser needs to read the body: the server, the subject, the status and content
    // type, and the credentials the request carried, which it must not quote back.
    PrometheusParser::Context context() const;

    // Stops the request; finished() follows with Outcome::Cancelled unless it already finished.
    void abort();

Q_SIGNALS:
    void finished();

private:
    friend class PrometheusClient;
    PrometheusReply(const QString &server, const QString &subject, QObject *parent);
    // Takes over a request under way (the network reply becomes a child of this reply); secrets are
    // the credentials it carries.
    void start(QNetworkReply *reply, const PrometheusLimits &limits, const SecretMask &secrets);
    // Finishes at once (in the next event loop turn), without a request.
    void failLater(const SourceError &error);

    void onReadyRead();
    void onNetworkFinished();
    void fail(SourceError::Kind kind, const QString &what);
    void finish(Outcome outcome);

    QString m_server;
    QString m_subject;
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    PrometheusLimits m_limits;
    SecretMask m_secrets;
    Outcome m_outcome = Outcome::Pending;
    SourceError m_error;
    int m_httpStatus = 0;
    QByteArray m_contentType;
    QByteArray m_body;
};
