#pragma once

#include "PrometheusReply.h"

#include <QCoreApplication>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>
#include <QUrl>

#include <utility>
#include <vector>

class QNetworkAccessManager;
class QNetworkRequest;

// Where a Prometheus-compatible server is and how to talk to it. Secrets are never kept here: the
// token or password is read from a file or an environment variable when a request is made.
struct PrometheusServer
{
    enum class Auth { None, Basic, Bearer };

    // With any path prefix: http://host:9090, https://host/prometheus (Mimir),
    // http://host:8481/select/0/prometheus (VictoriaMetrics cluster). User info in the URL is taken
    // as basic auth when auth is None, and never shown.
    QUrl baseUrl;
    // Sent with every request, e.g. {"X-Scope-OrgID", "tenant-1"}.
    std::vector<std::pair<QByteArray, QByteArray>> headers;
    Auth auth = Auth::None;
    QString username; // basic auth
    // The password (basic) or token (bearer): from a file (trailing newline dropped), else from an
    // environment variable, else from the desktop keyring entry of that name (KeyringSecret).
    QString secretFile;
    QString secretEnvironmentVariable;
    QString secretKeyring;
    // PEM file with extra CA certificates to trust; the system's are trusted as well.
    QString caFile;
    // Turns off TLS certificate verification for this server. Never implied: it must be set.
    bool insecureSkipTlsVerify = false;
    PrometheusLimits limits;
    // Above this URL length a query goes as a POST form body instead.
    int maxGetUrlLength = 1500;
};

// Asynchronous client of the Prometheus HTTP API (/api/v1/...), on the QNetworkAccessManager it is
// given. It builds the requests and returns PrometheusReply objects; reading their bodies is
// PrometheusParser's job, so that it can run on a worker thread.
//
// key: a request made with a key cancels the earlier one with the same key still under way
// (a panel that asks again supersedes its old answer); an empty key supersedes nothing.
class PrometheusClient : public QObject
{
    Q_OBJECT
public:
    PrometheusClient(
        QNetworkAccessManager *network, const PrometheusServer &server, QObject *parent = nullptr);

    // The base URL without credentials, as shown to the user.
    QString displayName() const { return m_displayName; }
    const PrometheusServer &server() const { return m_server; }

    // /api/v1/query at timeMs. queryId names the request in error messages.
    PrometheusReply *query(
        const QString &queryId, const QString &promql, qint64 timeMs, const QString &key = {});
    // /api/v1/query_range: the points startMs, startMs + stepMs, ... up to and including endMs.
    PrometheusReply *queryRange(const QString &queryId, const QString &promql, qint64 startMs, qint64 endMs,
        qint64 stepMs, const QString &key = {});
    // /api/v1/series for the selectors over [startMs, endMs].
    PrometheusReply *series(
        const QStringList &matchers, qint64 startMs, qint64 endMs, const QString &key = {});
    PrometheusReply *labels(const QString &key = {});
    PrometheusReply *alerts(const QString &key = {});
    PrometheusReply *targets(const QString &key = {});
    PrometheusReply *buildInfo(const QString &key = {});

    // Prometheus' form of a timestamp or duration: seconds, with milliseconds when needed.
    static QString seconds(qint64 ms);

private:
    using Parameters = std::vector<std::pair<QString, QString>>;
    struct Pending
    {
        QPointer<PrometheusReply> reply;
        QString endpoint;
        Parameters parameters;
        QString subject;
        bool allowPost = false;
    };
    PrometheusReply *send(const QString &endpoint, const Parameters &parameters, const QString &subject,
        const QString &key, bool allowPost);
    void dispatch(const Pending &request);
    void onKeyringRead(const QByteArray &secret, const QString &error);
    // Adds headers, credentials and TLS settings, and puts the credentials in *secrets; false with
    // *error set when a secret cannot be read.
    bool prepare(QNetworkRequest &request, SecretMask *secrets, QString *error) const;
    bool readSecret(QByteArray *secret, QString *error) const;

    QPointer<QNetworkAccessManager> m_network;
    PrometheusServer m_server;
    QString m_displayName;
    QString m_configError; // a setting that makes every request fail, e.g. an unreadable CA file
    QByteArray m_urlPassword; // from user info in the base URL, when no file or variable is named
    // The keyring is read once, asynchronously; requests made meanwhile wait for it.
    bool m_keyringPending = false;
    QByteArray m_keyringSecret;
    QString m_keyringError;
    std::vector<Pending> m_waitingForKeyring;
#if QT_CONFIG(ssl)
    QList<QSslCertificate> m_caCertificates;
#endif
    QHash<QString, QPointer<PrometheusReply>> m_byKey;
};
