#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QTcpServer>
#include <QUrl>

#include <functional>

// A tiny HTTP/1.1 server on loopback for tests: it answers every request with the response set
// for its path (or the default one) and records what the client sent. Responses can be
// gzip-compressed or trickled slowly, to bring about the faults a real server will not produce on demand.
class FaultServer : public QObject
{
    Q_OBJECT
public:
    struct Response
    {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
        // Compress the body with gzip, but only when the request accepts it.
        bool gzip = false;
        // Send the body this many bytes at a time, one piece every trickleIntervalMs; 0: all at once.
        int trickleBytes = 0;
        int trickleIntervalMs = 0;
    };
    struct Request
    {
        QByteArray method;
        QByteArray path;
        QByteArray query; // as sent, still percent-encoded
        QMap<QByteArray, QByteArray> headers; // names in lower case
        QByteArray body;
    };

    explicit FaultServer(QObject *parent = nullptr);

    // http://127.0.0.1:<port><pathPrefix>
    QUrl url(const QString &pathPrefix = {}) const;
    void setResponse(const Response &response) { m_default = response; }
    void setResponse(const QByteArray &path, const Response &response) { m_byPath.insert(path, response); }
    // Decides the response from the request (e.g. an answer on the grid it asks for); when set, it
    // takes the place of the responses set by path and the default one.
    using Handler = std::function<Response(const Request &)>;
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<Request> &requests() const { return m_requests; }
    // A server that is down: stops listening, so that connections are refused, until resumeListening()
    // listens again on the same port. Connections already accepted are answered as usual.
    void stopListening();
    bool resumeListening();

    static QByteArray gzip(const QByteArray &data);
    // A loopback port nothing listens on (bound, then released).
    static quint16 closedPort();

private:
    void onReadyRead(class QTcpSocket *socket);
    void respond(QTcpSocket *socket, const Request &request);

    QTcpServer m_server;
    quint16 m_port = 0;
    Handler m_handler;
    Response m_default;
    QMap<QByteArray, Response> m_byPath;
    QList<Request> m_requests;
};
