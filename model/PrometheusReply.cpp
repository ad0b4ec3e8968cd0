#include "PrometheusReply.h"

#include "PrometheusParser.h"

#include <QLocale>
#include <QNetworkReply>

namespace {
// simdjson reads up to this many bytes past the end of its input (SIMDJSON_PADDING); keeping them
// allocated lets the parser work on the body without copying it.
constexpr qsizetype parserPadding = 64;
} // namespace

PrometheusReply::PrometheusReply(const QString &server, const QString &subject, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_subject(subject)
{
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        fail(SourceError::Kind::Timeout,
            tr("no complete answer within %1 s")
                .arg(QLocale().toString(m_limits.deadlineMs / 1000.0, 'g', QLocale::FloatingPointShortest)));
    });
}

PrometheusParser::Context PrometheusReply::context() const
{
    return PrometheusParser::Context { m_server, m_subject, m_httpStatus, m_contentType, m_secrets };
}

void PrometheusReply::start(QNetworkReply *reply, const PrometheusLimits &limits, const SecretMask &secrets)
{
    m_reply = reply;
    m_limits = limits;
    m_secrets = secrets;
    reply->setParent(this);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this] {
        // Refuse early what cannot fit; for a compressed answer this is the compressed size, a lower bound.
        const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_limits.maxResponseBytes)
            onReadyRead();
    });
    connect(reply, &QNetworkReply::readyRead, this, &PrometheusReply::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &PrometheusReply::onNetworkFinished);
    m_deadline.start(limits.deadlineMs);
}

void PrometheusReply::failLater(const SourceError &error)
{
    QMetaObject::invokeMethod(
        this,
        [this, error] {
            if (isFinished())
                return;
            m_error = error;
            finish(Outcome::Failed);
        },
        Qt::QueuedConnection);
}

void PrometheusReply::abort()
{
    if (isFinished())
        return;
    m_error = SourceError { SourceError::Kind::Unreachable,
        PrometheusParser::errorMessage(m_server, m_subject, tr("the request was cancelled")) };
    finish(Outcome::Cancelled);
}

void PrometheusReply::onReadyRead()
{
    if (isFinished() || !m_reply)
        return;
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    const qint64 announced = length.isValid() ? length.toLongLong() : 0;
    if (m_body.size() + m_reply->bytesAvailable() > m_limits.maxResponseBytes
        || announced > m_limits.maxResponseBytes) {
        fail(SourceError::Kind::BadResponse,
            tr("the answer is larger than the limit of %1 MB; ask for a shorter range or a coarser step")
                .arg(QLocale().toString(double(m_limits.maxResponseBytes) / (1024.0 * 1024.0), 'f', 1)));
        return;
    }
    if (m_body.isEmpty() && announced > 0)
        m_body.reserve(announced + parserPadding);
    m_body.append(m_reply->readAll());
}

void PrometheusReply::onNetworkFinished()
{
    if (isFinished() || !m_reply)
        return;
    onReadyRead();
    if (isFinished())
        return;
    const QVariant status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    const QNetworkReply::NetworkError error = m_reply->error();
    // An HTTP status means the server answered; a Prometheus error comes with 4xx/5xx, and the
    // parser reads it. Only an answer cut short counts as a transport failure.
    if (status.isValid() && error != QNetworkReply::RemoteHostClosedError
        && error != QNetworkReply::OperationCanceledError) {
        m_httpStatus = status.toInt();
        m_contentType = m_reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
        if (m_body.capacity() - m_body.size() < parserPadding)
            m_body.reserve(m_body.size() + parserPadding);
        finish(Outcome::Answered);
        return;
    }
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        fail(SourceError::Kind::Unreachable,
            tr("the connection was refused; is the server running, and is the port right?"));
        break;
    case QNetworkReply::HostNotFoundError:
        fail(SourceError::Kind::Unreachable, tr("the host name could not be resolved"));
        break;
    case QNetworkReply::RemoteHostClosedError:
        fail(SourceError::Kind::Unreachable,
            tr("the server closed the connection before the answer was complete"));
        break;
    case QNetworkReply::SslHandshakeFailedError:
        fail(SourceError::Kind::Unreachable,
            tr("the TLS handshake failed: %1").arg(m_secrets.apply(m_reply->errorString())));
        break;
    case QNetworkReply::TimeoutError:
        fail(SourceError::Kind::Timeout, tr("the connection timed out"));
        break;
    default:
        // Qt's text may quote the server (a proxy's reason phrase).
        fail(SourceError::Kind::Unreachable, m_secrets.apply(m_reply->errorString()));
        break;
    }
}

void PrometheusReply::fail(SourceError::Kind kind, const QString &what)
{
    if (isFinished())
        return;
    m_error = SourceError { kind, PrometheusParser::errorMessage(m_server, m_subject, what) };
    finish(Outcome::Failed);
}

void PrometheusReply::finish(Outcome outcome)
{
    m_outcome = outcome;
    m_deadline.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        if (m_reply->isRunning())
            m_reply->abort();
        m_reply->deleteLater();
    }
    if (outcome != Outcome::Answered)
        m_body.clear();
    Q_EMIT finished();
}
