#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

// Hides the credentials a request carried in text that came back from the server. A proxy's error
// page may echo the request, its Authorization header or a URL with user:password included, and that
// text is quoted to the user and logged. Each secret is found raw, in base64 (what a Basic or a
// token header may carry), percent-encoded (any of its characters, hex digits in either case) and
// HTML-escaped, with its whitespace as any run of whitespace; every occurrence becomes marker().
// A plain value: copy it to worker threads freely.
class SecretMask
{
public:
    // Hides secret and its base64. Empty secrets are ignored.
    void add(const QByteArray &secret);
    bool isEmpty() const { return m_pattern.isEmpty(); }

    // text with every secret replaced by marker().
    QString apply(const QString &text) const;
    // The same for the beginning of a longer text, cut anywhere: an end that may be the first part of
    // a secret the cut went through is dropped as well.
    QString applyToBeginning(const QString &beginning) const;

    static QString marker() { return QString(3, QChar(0x2022)); }

private:
    QList<std::pair<QString, QString>>
        m_forms; // the secrets and their base64 with their patterns, longest first
    QString m_pattern; // matches any form in any of its encodings
};
