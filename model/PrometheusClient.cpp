#include "PrometheusClient.h"

#include "KeyringSecret.h"
#include "PrometheusParser.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>
#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslConfiguration>
#endif

#include <cstdlib>

PrometheusClient::PrometheusClient(
    QNetworkAccessManager *network, const PrometheusServer &server, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_server(server)
{
    // Credentials in the URL become basic auth and leave the URL, so that nothing shows or logs them.
    QUrl &url = m_server.baseUrl;
    if (m_server.auth == PrometheusServer::Auth::None && !url.userName().isEmpty()) {
        m_server.auth = PrometheusServer::Auth::Basic;
        m_server.username = url.userName();
        if (!url.password().isEmpty() && m_server.secretFile.isEmpty()
            && m_server.secretEnvironmentVariable.isEmpty() && m_server.secretKeyring.isEmpty())
            m_urlPassword = url.password().toUtf8();
    }
    url.setUserInfo(QString());
    url.setQuery(QString());
    url.setFragment(QString());
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path);
    m_displayName = url.toDisplayString();

    if (m_server.auth != PrometheusServer::Auth::None && m_server.secretFile.isEmpty()
        && m_server.secretEnvironmentVariable.isEmpty() && !m_server.secretKeyring.isEmpty()) {
        m_keyringPending = true;
        connect(KeyringSecret::read(m_server.secretKeyring, this), &KeyringSecret::finished, this,
            &PrometheusClient::onKeyringRead);
    }

#if QT_CONFIG(ssl)
    if (!m_server.caFile.isEmpty()) {
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(m_server.caFile, QSsl::Pem);
        if (certificates.isEmpty())
            m_configError
                = tr("the CA file %1 cannot be read or holds no PEM certificate").arg(m_server.caFile);
        m_caCertificates = certificates;
    }
#else
    if (url.scheme() == QLatin1String("https"))
        m_configError = tr("this build has no TLS support, so https cannot be used");
#endif
}

QString PrometheusClient::seconds(qint64 ms)
{
    const qint64 whole = ms / 1000;
    const qint64 fraction = ms % 1000;
    if (fraction == 0)
        return QString::number(whole);
    const QString sign = ms < 0 ? QStringLiteral("-") : QString();
    return sign + QString::number(qAbs(whole)) + QLatin1Char('.')
        + QStringLiteral("%1").arg(qAbs(fraction), 3, 10, QLatin1Char('0'));
}

PrometheusReply *PrometheusClient::query(
    const QString &queryId, const QString &promql, qint64 timeMs, const QString &key)
{
    return send(QStringLiteral("query"),
        { { QStringLiteral("query"), promql }, { QStringLiteral("time"), seconds(timeMs) } },
        tr("query %1").arg(queryId), key, true);
}

PrometheusReply *PrometheusClient::queryRange(const QString &queryId, const QString &promql, qint64 startMs,
    qint64 endMs, qint64 stepMs, const QString &key)
{
    return send(QStringLiteral("query_range"),
        { { QStringLiteral("query"), promql }, { QStringLiteral("start"), seconds(startMs) },
            { QStringLiteral("end"), seconds(endMs) }, { QStringLiteral("step"), seconds(stepMs) } },
        tr("query %1").arg(queryId), key, true);
}

PrometheusReply *PrometheusClient::series(
    const QStringList &matchers, qint64 startMs, qint64 endMs, const QString &key)
{
    Parameters parameters;
    for (const QString &matcher : matchers)
        parameters.emplace_back(QStringLiteral("match[]"), matcher);
    parameters.emplace_back(QStringLiteral("start"), seconds(startMs));
    parameters.emplace_back(QStringLiteral("end"), seconds(endMs));
    return send(QStringLiteral("series"), parameters, tr("series"), key, true);
}

PrometheusReply *PrometheusClient::labels(const QString &key)
{
    return send(QStringLiteral("labels"), {}, tr("label names"), key, false);
}

PrometheusReply *PrometheusClient::alerts(const QString &key)
{
    return send(QStringLiteral("alerts"), {}, tr("alerts"), key, false);
}

PrometheusReply *PrometheusClient::targets(const QString &key)
{
    return send(QStringLiteral("targets"), {}, tr("targets"), key, false);
}

PrometheusReply *PrometheusClient::buildInfo(const QString &key)
{
    return send(QStringLiteral("status/buildinfo"), {}, tr("build information"), key, false);
}

PrometheusReply *PrometheusClient::send(const QString &endpoint, const Parameters &parameters,
    const QString &subject, const QString &key, bool allowPost)
{
    if (!key.isEmpty()) {
        const QPointer<PrometheusReply> previous = m_byKey.take(key);
        if (previous)
            previous->abort();
    }
    auto *reply = new PrometheusReply(m_displayName, subject, this);
    if (!key.isEmpty())
        m_byKey.insert(key, reply);
    connect(reply, &PrometheusReply::finished, this, [this, key, reply] {
        if (!key.isEmpty() && m_byKey.value(key) == reply)
            m_byKey.remove(key);
    });

    if (!m_configError.isEmpty()) {
        reply->failLater(SourceError { SourceError::Kind::Unsupported,
            PrometheusParser::errorMessage(m_displayName, subject, m_configError) });
        return reply;
    }
    const Pending request { reply, endpoint, parameters, subject, allowPost };
    if (m_keyringPending)
        m_waitingForKeyring.push_back(request);
    else
        dispatch(request);
    return reply;
}

void PrometheusClient::onKeyringRead(const QByteArray &secret, const QString &error)
{
    m_keyringPending = false;
    m_keyringSecret = secret;
    m_keyringError = error;
    const std::vector<Pending> waiting = std::exchange(m_waitingForKeyring, {});
    for (const Pending &request : waiting)
        if (request.reply && !request.reply->isFinished())
            dispatch(request);
}

void PrometheusClient::dispatch(const Pending &pending)
{
    PrometheusReply *reply = pending.reply;
    const QString &subject = pending.subject;
    if (!m_network) {
        reply->failLater(SourceError { SourceError::Kind::Unreachable,
            PrometheusParser::errorMessage(m_displayName, subject, tr("no network access")) });
        return;
    }
    // Every value fully percent-encoded: QUrlQuery would leave '+' alone, which a form body reads as a space.
    QByteArray encoded;
    for (const auto &[name, value] : pending.parameters) {
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    QUrl url = m_server.baseUrl;
    url.setPath(url.path() + QLatin1String("/api/v1/") + pending.endpoint);
    const bool post
        = pending.allowPost && url.toEncoded().size() + 1 + encoded.size() > m_server.maxGetUrlLength;
    if (!post && !encoded.isEmpty())
        url.setQuery(QString::fromLatin1(encoded), QUrl::StrictMode);

    QNetworkRequest request(url);
    SecretMask secrets;
    QString error;
    if (!prepare(request, &secrets, &error)) {
        reply->failLater(SourceError {
            SourceError::Kind::Unsupported, PrometheusParser::errorMessage(m_displayName, subject, error) });
        return;
    }
    QNetworkReply *networkReply;
    if (post) {
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        networkReply = m_network->post(request, encoded);
    } else {
        networkReply = m_network->get(request);
    }
    reply->start(networkReply, m_server.limits, secrets);
}

bool PrometheusClient::prepare(QNetworkRequest &request, SecretMask *secrets, QString *error) const
{
    request.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
    request.setRawHeader(QByteArrayLiteral("User-Agent"), QByteArrayLiteral("aisc-dashboard/" AISC_VERSION));
    // Accept-Encoding is left to QNetworkAccessManager: it asks for gzip and deflate and decompresses
    // only when it set the header itself. The size cap on the decompressed body guards against bombs,
    // so Qt's own ratio check (which large, very regular Prometheus answers can trip) is off.
    request.setDecompressedSafetyCheckThreshold(-1);
    // Credentials must not follow a redirect to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    for (const auto &[name, value] : m_server.headers)
        request.setRawHeader(name, value);

    if (m_server.auth != PrometheusServer::Auth::None) {
        QByteArray secret;
        if (!readSecret(&secret, error))
            return false;
        secrets->add(secret);
        if (m_server.auth == PrometheusServer::Auth::Bearer) {
            request.setRawHeader(QByteArrayLiteral("Authorization"), "Bearer " + secret);
        } else {
            const QByteArray credentials = m_server.username.toUtf8() + ':' + secret;
            // The header carries the pair's base64, which does not contain the password's own.
            secrets->add(credentials);
            request.setRawHeader(QByteArrayLiteral("Authorization"), "Basic " + credentials.toBase64());
        }
    }

#if QT_CONFIG(ssl)
    if (request.url().scheme() == QLatin1String("https")) {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        if (!m_caCertificates.isEmpty())
            tls.addCaCertificates(m_caCertificates);
        if (m_server.insecureSkipTlsVerify)
            tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        request.setSslConfiguration(tls);
    }
#endif
    return true;
}

bool PrometheusClient::readSecret(QByteArray *secret, QString *error) const
{
    if (!m_server.secretFile.isEmpty()) {
        QFile file(m_server.secretFile);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = tr("the credentials file %1 cannot be read: %2")
                         .arg(m_server.secretFile, file.errorString());
            return false;
        }
        *secret = file.readAll().trimmed();
    } else if (!m_server.secretEnvironmentVariable.isEmpty()) {
        const QByteArray name = m_server.secretEnvironmentVariable.toLocal8Bit();
        if (!qEnvironmentVariableIsSet(name.constData())) {
            *error = tr("the environment variable %1, which should hold the credentials, is not set")
                         .arg(m_server.secretEnvironmentVariable);
            return false;
        }
        *secret = qgetenv(name.constData()).trimmed();
    } else if (!m_server.secretKeyring.isEmpty()) {
        if (!m_keyringError.isEmpty()) {
            *error = m_keyringError;
            return false;
        }
        *secret = m_keyringSecret;
    } else {
        *secret = m_urlPassword;
    }
    if (secret->isEmpty() && m_server.auth == PrometheusServer::Auth::Bearer) {
        *error = tr("the bearer token is empty");
        return false;
    }
    return true;
}
