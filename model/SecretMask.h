#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <vector>

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
    bool isEmpty() const { return m_forms.empty(); }

    // text with every secret replaced by marker().
    QString apply(const QString &text) const { return mask(text, false); }
    // The same for the beginning of a longer text, cut anywhere: an end that may be the first part of
    // a secret the cut went through is dropped as well.
    QString applyToBeginning(const QString &beginning) const { return mask(beginning, true); }

    static QString marker() { return QString(3, QChar(0x2022)); }

    // One character of a secret: the ways a text may write it.
    struct Unit
    {
        QStringList exact; // the character itself
        QStringList caseless; // percent-encoded, HTML-escaped
        bool whitespace = false; // any run of whitespace, '+' or %20
    };

private:
    QString mask(QStringView text, bool cut) const;

    QStringList m_texts; // the forms hidden: the secrets and their base64
    std::vector<std::vector<Unit>> m_forms;
};
